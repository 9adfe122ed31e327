using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.TestSupport;

/// <summary>
/// Small councils on which the engine writes each of its notes (<see cref="SavingsResult.NotePhrases"/>) and refuses for
/// each of its reasons (<see cref="MethodException.Reason"/>), for the tests that word them in each language (issue 15).
/// </summary>
public static class EngineSentences
{
    public const string Bins = "bins", Parking = "parking", ConsortiumId = "north-wales";
    public static readonly ReportRequest Year = new(new Month(2024, 1), new Month(2024, 12));

    /// <summary>No unit costs given: the defaults apply, in their price year (2010-11), and no GDP deflator series is attached.</summary>
    public static AssumptionSet Assumptions(bool hourlyDefault = true) => AssumptionSet.Parse($$"""
        { "version": "sentences", {{(hourlyDefault ? "\"officer_hourly_cost_gbp\": { \"default\": 30 }," : "")}}
          "consortia": { "{{ConsortiumId}}": { "apportionment": "equal" } },
          "services": { "{{Bins}}": { "go_live": "2024-01" }, "{{Parking}}": { "go_live": "2024-01" } } }
        """);

    /// <summary>
    /// bins: phone in 2023, phone and web in 2024, no closed cases (officer time is zero; two unit costs not uprated).
    /// parking (with <paramref name="parking"/>): closed cases in 2023 and 2024 but phone transactions only in 2024 (channel shift
    /// is zero; one unit cost not uprated).
    /// </summary>
    public static CouncilBuilder Council(string code = "W06000001", bool parking = true, string? consortium = ConsortiumId,
        long? population = 100_000)
    {
        var c = new CouncilBuilder(code, "Council " + code[^1], population, consortium)
            .VolumeEachMonth(Bins, "phone", "2023-01", "2023-12", 100)
            .VolumeEachMonth(Bins, "phone", "2024-01", "2024-12", 50)
            .VolumeEachMonth(Bins, "web", "2024-01", "2024-12", 50);
        if (parking)
            c.ClosedEachMonth(Parking, "2023-01", "2023-12", 30m, 10).ClosedEachMonth(Parking, "2024-01", "2024-12", 20m, 10)
                .VolumeEachMonth(Parking, "phone", "2024-01", "2024-12", 40);
        return c;
    }

    public static ConsortiumData Consortium(long? secondPopulation = 50_000) =>
        new(ConsortiumId, "North Wales", [Council().Build(), Council("W06000002", parking: false, population: secondPopulation).Build()], []);

    /// <summary>A council with every note the engine writes: officer time zero, channel shift zero, one and two costs not uprated.</summary>
    public static SavingsResult CouncilWithNotes() =>
        SavingsEngine.ComputeCouncil(Council().Build(), null, Assumptions(), Year, CouncilBuilder.NoLineage());

    /// <summary>A consortium whose members' notes are carried under each member's code.</summary>
    public static SavingsResult ConsortiumWithNotes() =>
        SavingsEngine.ComputeConsortium(Consortium(), Assumptions(), Year, CouncilBuilder.NoLineage());

    /// <summary>The engine refusing, once for each of its reasons: every <see cref="MethodException"/> it throws.</summary>
    public static IReadOnlyList<MethodException> Refusals()
    {
        var lineage = CouncilBuilder.NoLineage();
        SavingsResult Council(CouncilBuilder c, ReportRequest? request = null, AssumptionSet? assumptions = null) =>
            SavingsEngine.ComputeCouncil(c.Build(), null, assumptions ?? Assumptions(), request ?? Year, lineage);
        var noData = new ReportRequest(new Month(2030, 1), new Month(2030, 12));
        var noHourly = Assumptions(hourlyDefault: false).ForService("W06000001", Parking);
        var reversed = new DateOnly(2024, 3, 1);
        // The default unit costs are in 2010-11 prices: a series without 2010-11, and one without 2024-25 (April 2024 on).
        DeflatorSeries Series(string years) => DeflatorSeriesReader.Parse("# release: Test deflators, short\nfinancial_year,index,source\n" +
            string.Concat(years.Split(' ').Select(y => $"{y},90,x\n")), "short.csv");
        Action[] attempts =
        [
            () => Council(new CouncilBuilder().VolumeEachMonth(Bins, "web", "2024-01", "2024-12", 50)),
            () => Council(EngineSentences.Council().Volume(Bins, "post", "2024-05", 3)),
            () => OfficerTime.HourlyCost(noHourly, null, "W06000001", Parking),
            () => OfficerTime.HourlyCost(noHourly, "SO2", "W06000001", Parking),
            () => Council(EngineSentences.Council(), new ReportRequest(new Month(2022, 1), new Month(2022, 3))),
            () => Council(EngineSentences.Council(), assumptions: Assumptions().WithDeflators(Series("2022-23 2023-24"))),
            () => Council(EngineSentences.Council(), assumptions: Assumptions().WithDeflators(Series("2010-11 2022-23 2023-24"))),
            () => Council(EngineSentences.Council(parking: false), Year with { Service = Parking }),
            () => Council(new CouncilBuilder(), Year with { Service = Parking }),
            () => Council(EngineSentences.Council(), new ReportRequest(new Month(2024, 5), new Month(2024, 1))),
            () => SavingsEngine.ComputeCouncil(EngineSentences.Council("W06000009").Build(), Consortium(), Assumptions(), Year, lineage),
            () => SavingsEngine.ComputeConsortium(Consortium(), Assumptions(), noData, lineage),
            () => Apportionment.Shares(Apportionment.Equal, new ConsortiumData("empty", null, [], []), Year),
            () => Apportionment.Shares("by-size", Consortium(), Year),
            () => Apportionment.Shares(Apportionment.Usage, Consortium(), noData),
            () => Apportionment.Shares(Apportionment.Usage, Consortium(), noData with { Service = Bins }),
            () => Apportionment.Shares(Apportionment.Population, Consortium(secondPopulation: null), Year),
            () => CostSpreading.MonthCount(new CostLine(Bins, "hosting", reversed, reversed.AddMonths(-1), 300m, false, "H-9", null)),
            () => CostSpreading.MonthCount(new CostLine(Bins, "licence", reversed, reversed.AddMonths(-1), 300m, false, null, null)),
        ];
        var refusals = new List<MethodException>();
        foreach (var attempt in attempts)
        {
            try { attempt(); }
            catch (MethodException e) { refusals.Add(e); continue; }
            throw new InvalidOperationException($"attempt {refusals.Count + 1} of EngineSentences.Refusals did not refuse");
        }
        return refusals;
    }
}
