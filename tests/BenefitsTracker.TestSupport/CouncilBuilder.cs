using System.Globalization;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.TestSupport;

/// <summary>
/// Hand-made engine input for tests whose numbers a person can check: months as "YYYY-MM",
/// instants as ISO 8601 text, one call per rollup row.
/// </summary>
public sealed class CouncilBuilder(string code = "W06000001", string name = "Testshire", long? population = 100_000, string? consortium = null)
{
    private readonly List<ChannelVolume> _volumes = [];
    private readonly List<ClosedCases> _closed = [];
    private readonly List<OpenCases> _open = [];
    private readonly List<CostLine> _costs = [];
    private readonly List<ContactEvent> _contacts = [];

    public CouncilBuilder Volume(string service, string channel, string month, long completed, long started = 0, long failed = 0)
    {
        _volumes.Add(new ChannelVolume(service, channel, Month.Parse(month), completed, started, failed));
        return this;
    }

    /// <summary>
    /// Satisfaction ratings on one channel in one month: <paramref name="ratings"/> given, <paramref name="satisfied"/> of them 4 or 5.
    /// </summary>
    public CouncilBuilder Ratings(string service, string channel, string month, long ratings, long satisfied)
    {
        _volumes.Add(new ChannelVolume(service, channel, Month.Parse(month), 0, 0, 0, ratings, satisfied));
        return this;
    }

    /// <summary>The same completed volume on one channel in every month of a range.</summary>
    public CouncilBuilder VolumeEachMonth(string service, string channel, string from, string to, long completed)
    {
        foreach (var m in Month.Range(Month.Parse(from), Month.Parse(to))) Volume(service, channel, m.ToString(), completed);
        return this;
    }

    public CouncilBuilder Closed(string service, string month, decimal minutes, long count, string? grade = null)
    {
        _closed.Add(new ClosedCases(service, Month.Parse(month), grade, minutes, count));
        return this;
    }

    public CouncilBuilder ClosedEachMonth(string service, string from, string to, decimal minutes, long count, string? grade = null)
    {
        foreach (var m in Month.Range(Month.Parse(from), Month.Parse(to))) Closed(service, m.ToString(), minutes, count, grade);
        return this;
    }

    public CouncilBuilder Open(string service, string month, long count)
    {
        _open.Add(new OpenCases(service, Month.Parse(month), count));
        return this;
    }

    /// <summary>A cost line from the first day of <paramref name="from"/> to the last day of <paramref name="to"/>.</summary>
    public CouncilBuilder Cost(string? service, string category, string from, string to, decimal amount, bool cashable = false,
        string? reference = null)
    {
        _costs.Add(Line(service, category, from, to, amount, cashable, reference));
        return this;
    }

    public CouncilBuilder Contact(string service, string userRef, string channel, ContactKind kind, string occurredAt)
    {
        _contacts.Add(new ContactEvent(service, userRef, channel, kind,
            DateTimeOffset.Parse(occurredAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)));
        return this;
    }

    public CouncilData Build() => new(code, name, population, consortium, [.. _volumes], [.. _closed], [.. _open], [.. _costs], [.. _contacts]);

    public static CostLine Line(string? service, string category, string from, string to, decimal amount, bool cashable = false,
        string? reference = null) =>
        new(service, category, Month.Parse(from).FirstDay, Month.Parse(to).LastDay, amount, cashable, reference, null);

    /// <summary>Lineage with no input files, for tests that do not look at it.</summary>
    public static Lineage NoLineage(string version = "test") => new([], version, new string('0', 64), "benefits test", null, null);
}
