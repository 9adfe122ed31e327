using System.Globalization;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Register;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// The sample data's KPIs (docs/sample-data.md, issue 15): satisfaction ratings from the online forms, rated better after
/// go-live; targets for the four KPIs and a benefit owner for every service; months with few ratings, so that shared outputs
/// show suppression. The ratings are read from sample-data/events.csv itself.
/// </summary>
public sealed class SampleKpiTests
{
    private static readonly string[] Services = ["garden-waste", "ldp-consultation", "planning-maps"];

    /// <summary>Every satisfaction_rating row of the sample: council, service, month, rating and how many gave it.</summary>
    private static readonly Lazy<List<(string Council, string Service, Month Month, int Rating, long Quantity)>> Ratings = new(() =>
    [
        .. FixtureCsv.Read(Path.Combine(Results.SampleDirectory, "events.csv"))
            .Where(e => e["event_type"] == EventTypes.SatisfactionRating)
            .Select(e => (e["council_code"], e["service"], Month.Parse(e["occurred_at"][..7]),
                int.Parse(e["rating"], CultureInfo.InvariantCulture), long.Parse(e["quantity"], CultureInfo.InvariantCulture))),
    ]);

    private static (long Ratings, decimal Satisfied) Over(string service, Month from, Month to)
    {
        var rows = Ratings.Value.Where(x => x.Service == service && x.Month >= from && x.Month <= to).ToList();
        var n = rows.Sum(x => x.Quantity);
        return (n, n == 0 ? 0m : (decimal)rows.Where(x => x.Rating >= 4).Sum(x => x.Quantity) / n);
    }

    [Fact]
    public void Every_service_has_ratings_on_the_online_forms_rated_better_than_a_year_earlier()
    {
        var rows = FixtureCsv.Read(Path.Combine(Results.SampleDirectory, "events.csv"));
        // A rating on every satisfaction_rating row, 1 to 5, on web or app; on no other row.
        Assert.All(rows, e => Assert.Equal(e["event_type"] == EventTypes.SatisfactionRating, e["rating"].Length > 0));
        Assert.All(Ratings.Value, x => Assert.InRange(x.Rating, 1, 5));
        Assert.All(rows.Where(e => e["event_type"] == EventTypes.SatisfactionRating), e => Assert.Contains(e["channel"], new[] { "web", "app" }));
        foreach (var service in Services)
        {
            var (now, satisfied) = Over(service, new Month(2023, 4), new Month(2025, 3));
            var (before, satisfiedBefore) = Over(service, new Month(2022, 4), new Month(2024, 3));
            Assert.True(now >= 500 && before >= 250, $"{service}: {now} ratings, {before} a year earlier");
            Assert.InRange(satisfied - satisfiedBefore, 0.05m, 0.12m);
            Assert.InRange(satisfied, 0.65m, 0.85m);
        }
    }

    [Fact]
    public void Months_outside_the_LDP_windows_have_fewer_than_10_ratings_across_the_consortium()
    {
        var small = Month.Range(new Month(2023, 4), new Month(2025, 3))
            .Select(m => Over("ldp-consultation", m, m).Ratings)
            .Count(n => n is > 0 and < 10);
        Assert.True(small >= 6, $"{small} LDP months with 1 to 9 ratings");
    }

    [Fact]
    public void Every_service_has_targets_for_the_four_KPIs_some_met_and_some_not()
    {
        var a = AssumptionSet.Parse(File.ReadAllBytes(Path.Combine(Results.SampleDirectory, "assumptions.json")));
        var r = Results.SampleNorthWales;
        var met = new List<bool>();
        foreach (var service in Services)
        {
            var t = Assert.IsType<KpiTargets>(a.TargetsFor(service));
            Assert.All(Kpis.All, kpi => Assert.NotNull(t.Of(kpi)));
            var k = r.Kpis.Single(x => x.Service == service);
            Assert.Equal(t, k.Targets);
            met.AddRange(new[] { Kpi.CostPerTransaction, Kpi.DigitalTakeUp, Kpi.CompletionRate }
                .Select(kpi => t.Met(kpi, k.Period.Value(kpi))!.Value));
        }
        Assert.Contains(true, met);
        Assert.Contains(false, met);
    }

    [Fact]
    public void Every_register_row_names_its_owner()
    {
        var owners = new Dictionary<string, string>
        {
            ["ldp-consultation"] = "Head of Planning Policy",
            ["planning-maps"] = "Development Management Manager",
            ["garden-waste"] = "Head of Waste and Recycling",
        };
        foreach (var result in new[] { Results.SampleNorthWales, Results.SampleConwy })
        {
            var rows = BenefitsRegister.Rows(result);
            Assert.NotEmpty(rows);
            Assert.All(rows, x => Assert.Equal(owners[x.Service], x.Owner));
        }
    }
}
