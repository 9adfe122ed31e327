using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.TestSupport;

/// <summary>
/// The four service KPIs worked by hand (docs/method.md, The four service KPIs). Bins, unit costs phone
/// £2.83 and web £0.15 (the defaults):
/// April 2023: phone 100, web 100, no starts recorded; 10 ratings, 6 of them 4 or 5.
/// April 2024: phone 40, web 160 of 200 web starts; 20 ratings, 16 of them 4 or 5; the bins licence £40
/// (one month) and a council-wide licence £1,000 (no one service's).
/// April 2024: take-up 160/200 = 0.8; completion 160/200 = 0.8; satisfaction 16/20 = 0.8;
/// cost per transaction (40 × 2.83 + 160 × 0.15 + 40) / 200 = (113.20 + 24.00 + 40) / 200 = £0.886.
/// April 2023: take-up 0.5; completion unknown (no starts); satisfaction 0.6; (283 + 15) / 200 = £1.49.
/// Targets: cost £1.00 (met), take-up 0.8 (met), completion 0.9 (not met), satisfaction 0.75 (met).
/// </summary>
public static class KpiExample
{
    public static readonly AssumptionSet Assumptions = AssumptionSet.Parse("""
        { "version": "t", "officer_hourly_cost_gbp": { "default": 30 },
          "services": { "bins": { "go_live": "2023-10", "owner": "Head of Waste",
            "targets": { "cost_per_transaction_gbp": 1.00, "digital_take_up": 0.8, "completion_rate": 0.9, "user_satisfaction": 0.75 } } } }
        """);

    public static CouncilBuilder Bins(string code = "W06000001", string name = "One") => new CouncilBuilder(code, name, 100_000, "north")
        .Volume("bins", "phone", "2023-04", 100)
        .Volume("bins", "web", "2023-04", 100)
        .Ratings("bins", "web", "2023-04", 10, 6)
        .Volume("bins", "phone", "2024-04", 40)
        .Volume("bins", "web", "2024-04", 160, started: 200)
        .Ratings("bins", "web", "2024-04", 20, 16)
        .Cost("bins", "licence", "2024-04", "2024-04", 40m)
        .Cost(null, "licence", "2024-04", "2024-04", 1000m);

    /// <summary>Council One over April 2024.</summary>
    public static SavingsResult Council(string from = "2024-04", string to = "2024-04") =>
        SavingsEngine.ComputeCouncil(Bins().Build(), null, Assumptions, new ReportRequest(Month.Parse(from), Month.Parse(to)),
            CouncilBuilder.NoLineage());

    /// <summary>One (above) and Two (300 web a month from April 2023; 5 ratings in April 2024, 1 of them 4 or 5), over April 2024.</summary>
    public static SavingsResult Consortium()
    {
        var two = new CouncilBuilder("W06000002", "Two", 50_000, "north")
            .VolumeEachMonth("bins", "web", "2023-04", "2024-04", 300)
            .Ratings("bins", "web", "2024-04", 5, 1)
            .Build();
        return SavingsEngine.ComputeConsortium(new ConsortiumData("north", "North", [Bins().Build(), two], []), Assumptions,
            new ReportRequest(new Month(2024, 4), new Month(2024, 4)), CouncilBuilder.NoLineage());
    }
}
