using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Ingestion.Synthetic;

/// <summary>A council in the synthetic data set.</summary>
public sealed record SyntheticCouncil(string Code, string Name, long Population, string Consortium);

/// <summary>
/// How one service behaves: demand per resident, its seasonal shape, the channel mix before go-live
/// and where it settles after, how many transactions become officer cases and how long they take,
/// and the print and postage spend it replaces.
/// </summary>
public sealed record ServiceProfile(
    string Slug,
    string CaseType,
    double TransactionsPer1000PerMonth,
    Func<int, double> Seasonality,
    IReadOnlyDictionary<string, double> BaselineMix,
    IReadOnlyDictionary<string, double> FinalMix,
    double CasesPerTransaction,
    double BaselineMinutes,
    double FinalMinutes,
    IReadOnlyList<string> Grades,
    decimal PrintPerResidentPerYear,
    double PrintRemaining,
    decimal PostagePerResidentPerYear,
    double PostageRemaining,
    double MapViewsPerWebTransaction,
    double StartsPerDigitalCompletion,
    double FailureShareOfStarts)
{
    /// <summary>Who owns the service's benefits (assumptions: <c>services.{slug}.owner</c>), a role.</summary>
    public string Owner { get; init; } = "";

    /// <summary>The service's name as readers know it (assumptions: <c>services.{slug}.name</c>), used in headings.</summary>
    public string Name { get; init; } = "";

    /// <summary>Satisfaction ratings given per completed digital transaction (the rating prompt at the end of the online form).</summary>
    public double RatingsPerDigitalCompletion { get; init; }

    /// <summary>Share of ratings that are 4 or 5 on the old web form before go-live, and once the new service has settled.</summary>
    public double SatisfiedBefore { get; init; }
    public double SatisfiedAfter { get; init; }

    /// <summary>The service's KPI targets (assumptions: <c>services.{slug}.targets</c>).</summary>
    public SyntheticTargets Targets { get; init; } = new(0m, 0m, 0m, 0m);
}

/// <summary>A service's targets for the four KPIs: cost per transaction in pounds (at most), the three rates as fractions (at least).</summary>
public sealed record SyntheticTargets(decimal CostPerTransaction, decimal DigitalTakeUp, decimal CompletionRate, decimal UserSatisfaction);

/// <summary>The three services and four councils of the sample data (docs/sample-data.md).</summary>
public static class SyntheticProfiles
{
    /// <summary>North Wales councils with real ONS GSS codes and ONS mid-2022 population estimates.</summary>
    public static readonly IReadOnlyList<SyntheticCouncil> NorthWales =
    [
        new("W06000001", "Isle of Anglesey", 68_900, "north-wales"),
        new("W06000002", "Gwynedd", 117_400, "north-wales"),
        new("W06000003", "Conwy", 114_800, "north-wales"),
        new("W06000004", "Denbighshire", 96_000, "north-wales"),
    ];

    /// <summary>
    /// Local Development Plan consultation: representations arrive in consultation windows
    /// (spring and autumn); paper and email give way to the online form; e-consultation takes about
    /// 40% off the officer time per representation; printed deposit maps stop.
    /// </summary>
    public static readonly ServiceProfile LdpConsultation = new(
        "ldp-consultation", "representation",
        TransactionsPer1000PerMonth: 0.6,
        Seasonality: m => m is 3 or 4 or 10 or 11 ? 3.2 : 0.25,
        BaselineMix: Mix((Channels.Post, 0.45), (Channels.Email, 0.45), (Channels.Web, 0.10)),
        FinalMix: Mix((Channels.Web, 0.80), (Channels.Email, 0.15), (Channels.Post, 0.05)),
        CasesPerTransaction: 1.0,
        BaselineMinutes: 30, FinalMinutes: 18,
        Grades: ["PO1", "PO1", "SO1"],
        PrintPerResidentPerYear: 0.175m, PrintRemaining: 0.10,
        PostagePerResidentPerYear: 0.03m, PostageRemaining: 0.20,
        MapViewsPerWebTransaction: 6, StartsPerDigitalCompletion: 1.25, FailureShareOfStarts: 0.04)
    {
        // Residents who respond to a plan often rate the form, and fewer are pleased than with a quick map or subscription.
        Owner = "Head of Planning Policy",
        Name = "Local Development Plan consultation",
        RatingsPerDigitalCompletion = 0.12, SatisfiedBefore = 0.52, SatisfiedAfter = 0.70,
        Targets = new(CostPerTransaction: 7.00m, DigitalTakeUp: 0.60m, CompletionRate: 0.80m, UserSatisfaction: 0.70m),
    };

    /// <summary>
    /// Planning map enquiries: people who came to the counter or phoned for a printed map now use
    /// the online map; map printing falls away.
    /// </summary>
    public static readonly ServiceProfile PlanningMaps = new(
        "planning-maps", "map-enquiry",
        TransactionsPer1000PerMonth: 2.2,
        Seasonality: m => m is >= 5 and <= 8 ? 1.25 : m is 12 or 1 ? 0.7 : 1.0,
        BaselineMix: Mix((Channels.FaceToFace, 0.50), (Channels.Phone, 0.40), (Channels.Web, 0.10)),
        FinalMix: Mix((Channels.Web, 0.85), (Channels.Phone, 0.10), (Channels.FaceToFace, 0.05)),
        CasesPerTransaction: 0.15,
        BaselineMinutes: 20, FinalMinutes: 12,
        Grades: [""],
        PrintPerResidentPerYear: 0.06m, PrintRemaining: 0.15,
        PostagePerResidentPerYear: 0m, PostageRemaining: 0,
        MapViewsPerWebTransaction: 25, StartsPerDigitalCompletion: 1.1, FailureShareOfStarts: 0.02)
    {
        Owner = "Development Management Manager",
        Name = "Planning maps and enquiries",
        RatingsPerDigitalCompletion = 0.05, SatisfiedBefore = 0.60, SatisfiedAfter = 0.84,
        Targets = new(CostPerTransaction: 4.50m, DigitalTakeUp: 0.70m, CompletionRate: 0.90m, UserSatisfaction: 0.80m),
    };

    /// <summary>
    /// Garden waste subscriptions: a spring renewal peak; phone and counter give way to the web form
    /// and app; some residents fail online and phone within the week (avoidable contact).
    /// </summary>
    public static readonly ServiceProfile GardenWaste = new(
        "garden-waste", "subscription",
        TransactionsPer1000PerMonth: 7.5,
        Seasonality: m => m is 2 or 3 or 4 ? 3.0 : m is 5 or 6 ? 1.0 : 0.45,
        BaselineMix: Mix((Channels.Phone, 0.60), (Channels.FaceToFace, 0.20), (Channels.Web, 0.20)),
        FinalMix: Mix((Channels.Web, 0.75), (Channels.App, 0.10), (Channels.Phone, 0.12), (Channels.FaceToFace, 0.03)),
        CasesPerTransaction: 0.04,
        BaselineMinutes: 15, FinalMinutes: 9,
        Grades: [""],
        PrintPerResidentPerYear: 0.05m, PrintRemaining: 0.20,
        PostagePerResidentPerYear: 0.04m, PostageRemaining: 0.10,
        MapViewsPerWebTransaction: 0, StartsPerDigitalCompletion: 1.18, FailureShareOfStarts: 0.06)
    {
        Owner = "Head of Waste and Recycling",
        Name = "Garden waste subscriptions",
        RatingsPerDigitalCompletion = 0.04, SatisfiedBefore = 0.58, SatisfiedAfter = 0.80,
        Targets = new(CostPerTransaction: 2.00m, DigitalTakeUp: 0.75m, CompletionRate: 0.85m, UserSatisfaction: 0.75m),
    };

    public static readonly IReadOnlyList<ServiceProfile> Services = [LdpConsultation, PlanningMaps, GardenWaste];

    /// <summary>The first <paramref name="count"/> councils: North Wales first, then synthetic districts.</summary>
    internal static IReadOnlyList<SyntheticCouncil> Councils(int count, SyntheticRandom random)
    {
        var list = new List<SyntheticCouncil>(count);
        for (var i = 0; i < count; i++)
        {
            if (i < NorthWales.Count) { list.Add(NorthWales[i]); continue; }
            var n = i - NorthWales.Count;
            var population = 40_000 + random.Next(260_000);
            list.Add(new($"E07{n + 100_000:D6}", $"Synthetic District {n + 1}", population, $"synthetic-{n / 5 + 1}"));
        }
        return list;
    }

    private static Dictionary<string, double> Mix(params (string Channel, double Share)[] shares) =>
        shares.ToDictionary(s => s.Channel, s => s.Share, StringComparer.Ordinal);
}
