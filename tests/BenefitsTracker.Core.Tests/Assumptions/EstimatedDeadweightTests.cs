using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Core.Tests.Assumptions;

/// <summary>
/// <c>"deadweight": "estimated"</c>: the engine uses the estimate handed to the assumptions (by the
/// Application layer, from the counterfactual), and the assumed number where there is none, saying which.
/// </summary>
public sealed class EstimatedDeadweightTests
{
    private const string Code = "W06000001";
    private static readonly ReportRequest Year = new(new Month(2024, 1), new Month(2024, 12));

    private static AssumptionSet Parse(string top, string service = "") => AssumptionSet.Parse($$"""
        { "version": "t", "adjustments": { {{top}} },
          "services": { "bins": { "go_live": "2024-01" {{service}} } } }
        """);

    /// <summary>2023: 100 phone a month. 2024: 50 web + 50 phone a month. Gross £134 a month.</summary>
    private static CouncilData Shift() => new CouncilBuilder(Code)
        .VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 100)
        .VolumeEachMonth("bins", "phone", "2024-01", "2024-12", 50)
        .VolumeEachMonth("bins", "web", "2024-01", "2024-12", 50).Build();

    private static SavingsResult Compute(AssumptionSet a) => SavingsEngine.ComputeCouncil(Shift(), null, a, Year, CouncilBuilder.NoLineage());

    private static readonly Dictionary<(string, string), DeadweightEstimate> Estimate = new()
    {
        [(Code, "bins")] = new DeadweightEstimate(0.25m, "the comparison with peers, over 12 months after go-live"),
    };

    [Fact]
    public void A_number_is_used_as_before_and_asks_for_no_estimate()
    {
        var a = Parse("\"deadweight\": 0.1");
        Assert.False(a.EstimatesDeadweight);
        var s = a.WithDeadweightEstimates(Estimate).ForService(Code, "bins");
        Assert.Equal(0.1m, s.Adjustments.Deadweight); // an estimate handed in is not used unless asked for
        Assert.False(s.DeadweightEstimated);
        Assert.Null(s.DeadweightSource);
    }

    [Fact]
    public void Estimated_uses_the_estimate_in_the_engine()
    {
        var a = Parse("\"deadweight\": \"estimated\"");
        Assert.True(a.EstimatesDeadweight);
        var withEstimate = Compute(a.WithDeadweightEstimates(Estimate));
        var asNumber = Compute(Parse("\"deadweight\": 0.25"));
        Assert.Equal(134m * 12, withEstimate.Totals.GrossBenefit);
        Assert.Equal(134m * 12 * 0.75m, withEstimate.Totals.AdjustedBenefit);
        Assert.Equal(asNumber.Totals.AdjustedBenefit, withEstimate.Totals.AdjustedBenefit);
        var s = Assert.Single(withEstimate.Services).Assumptions;
        Assert.True(s.DeadweightEstimated);
        Assert.Equal("estimated (the comparison with peers, over 12 months after go-live): 25%", s.DeadweightSource);
    }

    [Fact]
    public void Estimated_without_an_estimate_uses_the_assumed_number_and_says_why()
    {
        // Estimated for the service, over a top-level number: the number stands where no estimate is made.
        var a = Parse("\"deadweight\": 0.1", ", \"adjustments\": { \"deadweight\": \"estimated\" }");
        Assert.True(a.EstimatesDeadweight);
        var none = new Dictionary<(string, string), DeadweightEstimate>
        {
            [(Code, "bins")] = new(null, "no estimate could be made (fewer than 12 months)")
        };
        var r = Compute(a.WithDeadweightEstimates(none));
        Assert.Equal(134m * 12 * 0.9m, r.Totals.AdjustedBenefit);
        Assert.Equal("asked to be estimated, but no estimate could be made (fewer than 12 months); the assumed 10% is used",
            Assert.Single(r.Services).Assumptions.DeadweightSource);
        // And with nothing handed in at all (the estimator was not run).
        Assert.Contains("no estimate was made", Compute(a).Services[0].Assumptions.DeadweightSource);
    }

    [Fact]
    public void A_council_can_ask_for_the_estimate_alone()
    {
        var a = AssumptionSet.Parse("""
            { "version": "t", "adjustments": { "deadweight": 0.1 },
              "services": { "bins": { "go_live": "2024-01" } },
              "councils": { "W06000002": { "services": { "bins": { "adjustments": { "deadweight": "estimated" } } } } } }
            """).WithDeadweightEstimates(new Dictionary<(string, string), DeadweightEstimate>
            {
                [(Code, "bins")] = new(0.3m, "x"), [("W06000002", "bins")] = new(0.4m, "y"),
            });
        Assert.Equal(0.1m, a.ForService(Code, "bins").Adjustments.Deadweight);
        Assert.Equal(0.4m, a.ForService("W06000002", "bins").Adjustments.Deadweight);
    }

    [Fact]
    public void Another_word_is_refused_with_its_path()
    {
        var e = Assert.Throws<AssumptionsException>(() => Parse("", ", \"adjustments\": { \"deadweight\": \"estimate\" }"));
        Assert.Equal("services.bins.adjustments.deadweight", e.Path);
        Assert.Contains("\"estimated\"", e.Message);
    }
}
