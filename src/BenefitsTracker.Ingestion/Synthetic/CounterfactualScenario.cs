using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Ingestion.Synthetic;

/// <summary>
/// A known effect to estimate (<c>benefits generate --effect --trend --seasonality --noise --go-live</c>):
/// demand with a trend and a month-of-year swing, the service profile's channel mix, and from each
/// council's go-live a share <see cref="Effect"/> of every offline channel's volume moving to the web.
/// Council i launches <see cref="StaggerMonths"/> × i months after the first; the last of two or more
/// never launches, so every consortium has peers.
/// </summary>
public sealed record ScenarioOptions
{
    /// <summary>Share of offline volume that moves to the web from the council's go-live (0.3 = 30%).</summary>
    public double Effect { get; init; }
    /// <summary>Growth of demand per year (0.05 = 5% a year).</summary>
    public double Trend { get; init; }
    /// <summary>Amplitude of the month-of-year swing in demand (0.3 = ±30%, peak in January).</summary>
    public double Seasonality { get; init; }
    /// <summary>Standard deviation of the month-to-month noise on each volume (log scale), on top of count noise.</summary>
    public double Noise { get; init; } = 0.05;
    /// <summary>The first council's go-live month.</summary>
    public required Month GoLive { get; init; }
    public int StaggerMonths { get; init; } = 6;
    /// <summary>Demand multiplier over the service profile (10 = ten times the transactions, so less count noise).</summary>
    public double Scale { get; init; } = 1;
    /// <summary>
    /// A step every council takes at the same month (for example a national campaign): this share of
    /// offline volume moves to the web in every council, launched or not. Not on the command line; tests use it.
    /// </summary>
    public (Month Month, double Share)? SharedStep { get; init; }
}

/// <summary>The volumes drawn for a scenario and what the effect truly was.</summary>
public sealed class ScenarioData
{
    internal ScenarioData(ScenarioOptions options, Month start, Month end, IReadOnlyList<SyntheticCouncil> councils,
        IReadOnlyList<Month?> goLives, IReadOnlyList<CouncilData> data, Dictionary<(int, string, int), double> offlineWithout)
    {
        Options = options; Start = start; End = end; Councils = councils; GoLives = goLives; Data = data; _offlineWithout = offlineWithout;
    }

    private readonly Dictionary<(int Council, string Service, int Month), double> _offlineWithout;

    public ScenarioOptions Options { get; }
    public Month Start { get; }
    public Month End { get; }
    public IReadOnlyList<SyntheticCouncil> Councils { get; }
    /// <summary>Each council's go-live (null: never), in council order.</summary>
    public IReadOnlyList<Month?> GoLives { get; }
    /// <summary>Each council's monthly volumes as the engine reads them (no cases or costs).</summary>
    public IReadOnlyList<CouncilData> Data { get; }

    /// <summary>
    /// The true effect on offline transactions of a council's service over months: expected volume with
    /// the service minus expected volume without it (negative: fewer offline transactions).
    /// </summary>
    public double TrueEffect(int council, string service, Month from, Month to)
    {
        if (GoLives[council] is not { } goLive) return 0;
        var total = 0.0;
        foreach (var m in Month.Range(from, to))
            if (m >= goLive) total -= Options.Effect * _offlineWithout[(council, service, m.Index)];
        return total;
    }

    /// <summary>
    /// The per-council service entries for these go-lives, as the inside of an assumptions file's
    /// <c>councils</c> object: <c>"W06000002": {"services": {"bins": {"go_live": "2024-10"}}}, ...</c>.
    /// </summary>
    public string CouncilServicesJson(IEnumerable<string> services)
    {
        var slugs = services.ToList();
        return string.Join(",\n    ", Councils.Select((c, i) =>
        {
            var goLive = GoLives[i] is { } g ? $"\"{g}\"" : "null";
            var entries = string.Join(", ", slugs.Select(s => $"\"{s}\": {{\"go_live\": {goLive}}}"));
            return $"\"{c.Code}\": {{\"services\": {{{entries}}}}}";
        }));
    }

    /// <summary>The councils as one consortium, for the peer comparison.</summary>
    public ConsortiumData AsConsortium(string id = "scenario") => new(id, null, Data, []);
}

/// <summary>Draws a <see cref="ScenarioData"/>: the same options and seed give the same volumes.</summary>
public static class CounterfactualScenario
{
    public static ScenarioData Generate(ScenarioOptions o, int councils, Month start, Month end, ulong seed,
        IReadOnlyList<ServiceProfile>? services = null)
    {
        if (o.Effect is < 0 or > 1) throw new ArgumentException("--effect must be a share between 0 and 1");
        if (o.Noise < 0) throw new ArgumentException("--noise must be 0 or more");
        if (o.Seasonality is < 0 or >= 1) throw new ArgumentException("--seasonality must be at least 0 and below 1");
        if (o.Trend <= -1) throw new ArgumentException("--trend must be above -1");
        services ??= SyntheticProfiles.Services;
        var random = new SyntheticRandom(seed);
        var list = SyntheticProfiles.Councils(councils, random);
        var goLives = Enumerable.Range(0, list.Count)
            .Select(i => list.Count > 1 && i == list.Count - 1 ? (Month?)null : o.GoLive.AddMonths(o.StaggerMonths * i))
            .ToList();
        var offlineWithout = new Dictionary<(int, string, int), double>();
        var data = new List<CouncilData>(list.Count);
        for (var c = 0; c < list.Count; c++)
        {
            var volumes = new List<ChannelVolume>();
            var size = list[c].Population / 1000.0;
            foreach (var s in services)
                foreach (var m in Month.Range(start, end))
                {
                    var years = (m.Index - start.Index) / 12.0;
                    var demand = o.Scale * size * s.TransactionsPer1000PerMonth * Math.Pow(1 + o.Trend, years)
                                 * (1 + o.Seasonality * Math.Cos(2 * Math.PI * (m.Number - 1) / 12));
                    var shared = o.SharedStep is { } step && m >= step.Month ? step.Share : 0;
                    var launched = goLives[c] is { } g && m >= g ? o.Effect : 0;
                    var offlineShare = s.BaselineMix.Where(kv => !IsDigital(kv.Key)).Sum(kv => kv.Value);
                    offlineWithout[(c, s.Slug, m.Index)] = demand * offlineShare * (1 - shared);
                    var moved = 0.0;
                    foreach (var (channel, share) in s.BaselineMix.Where(kv => !IsDigital(kv.Key)).OrderBy(kv => Channels.Order(kv.Key)))
                    {
                        var without = demand * share * (1 - shared);
                        moved += demand * share - without * (1 - launched);
                        volumes.Add(Draw(s.Slug, channel, m, without * (1 - launched), o.Noise, random));
                    }
                    var web = demand * s.BaselineMix.Where(kv => IsDigital(kv.Key)).Sum(kv => kv.Value) + moved;
                    volumes.Add(Draw(s.Slug, Channels.Web, m, web, o.Noise, random));
                }
            data.Add(new CouncilData(list[c].Code, list[c].Name, list[c].Population, list[c].Consortium, volumes, [], [], [], []));
        }
        return new ScenarioData(o, start, end, list, goLives, data, offlineWithout);
    }

    private static bool IsDigital(string channel) => channel is Channels.Web or Channels.App;

    private static ChannelVolume Draw(string service, string channel, Month m, double mean, double noise, SyntheticRandom random)
    {
        var noisy = mean * Math.Exp(noise * random.NextGaussian() - noise * noise / 2);
        return new ChannelVolume(service, channel, m, random.NextCount(noisy), 0, 0);
    }
}
