namespace BenefitsTracker.Data.Bulk;

/// <summary>
/// A provider's native bulk path (SQLite: prepared statements through the raw API; PostgreSQL: binary COPY),
/// working inside the transaction already open on the context's connection. Text arrives as UTF-8 spans;
/// an empty span in an optional column (event_id, case_id, user_ref, officer_grade, reference, description)
/// is stored as NULL, and a null number (duration, closed_at, minutes) as NULL. Not thread-safe: one thread at a time.
/// </summary>
public interface IBulkLoader : IDisposable
{
    /// <summary>Inserts an event; false when its event_id is already stored (a duplicate, nothing written).</summary>
    bool AddEvent(in EventRecord row);

    /// <summary>
    /// Inserts a run of events with the outcome <see cref="AddEvent"/> would give each, called for them one at a time in
    /// order: <paramref name="inserted"/>[k] is false when row k is a duplicate (of an id stored before, or of an earlier row
    /// of the run). The rows' text must not move in memory until this returns (a pinned buffer): a loader may bind several
    /// rows before it writes them. The default adds them one at a time.
    /// </summary>
    void AddEvents(IEventRows rows, Span<bool> inserted)
    {
        for (var k = 0; k < rows.Count; k++) inserted[k] = AddEvent(rows[k]);
    }

    /// <summary>
    /// When events with ids are cheaper to add in a certain order (SQLite: by the key its unique index holds), the
    /// function that gives each its place (council_code and event_id as UTF-8; lower first); null when order does not
    /// matter. A pure function: callable from any thread, while the loader works on another.
    /// </summary>
    EventOrderFunction? EventOrder => null;

    /// <summary>
    /// Inserts a case. When the council already has that case_id it is a duplicate and nothing is written, unless
    /// the stored case is open and this record closes it: then the stored case takes this record's values and
    /// <paramref name="wasOpen"/> says what the open case was, so that its open-case count can be taken back.
    /// </summary>
    CaseOutcome AddCase(in CaseRecord row, out OpenCaseClosed wasOpen);

    /// <summary>
    /// Inserts a cost line; false when a line the same in every field (owner, service, category, period, amount,
    /// cashable, reference, description) is already stored (a duplicate, nothing written).
    /// </summary>
    bool AddCostLine(in CostRecord row);

    /// <summary>Inserts a row of the narrow contact table (completed/failed transactions with a user_ref).</summary>
    void AddContact(in ContactRecord row);

    /// <summary>Adds the counts (negative ones take back) to the rollups, creating rows that do not exist yet.</summary>
    void MergeRollups(RollupDelta delta);

    /// <summary>
    /// Registers service slugs seen in a file, leaving those already known (and their names) as they are. Set-based,
    /// so that a file of 200,000 distinct services costs neither a query per slug nor an entity per slug in memory.
    /// </summary>
    void AddServices(IReadOnlyCollection<string> slugs);

    /// <summary>
    /// True when <see cref="AddEvent"/> only stages rows (PostgreSQL's binary COPY): it then always returns true, and
    /// the duplicates, the contact table and the usage rollups of the whole file are settled by
    /// <see cref="SettleEvents"/> in set-based SQL, inside the file's transaction.
    /// </summary>
    bool StagesEvents => false;

    /// <summary>
    /// Stores the staged events that are not duplicates (the first of a file's rows with one event_id wins, and an id
    /// already stored for the council loses), with their contact rows and usage rollups.
    /// </summary>
    /// <param name="asStaged">
    /// The usage rollups of every staged row, as the caller counted them while validating: merged as they are when no
    /// row turns out a duplicate (the usual case), else the rollups are aggregated in SQL from the rows kept. Null when
    /// the caller did not hold them for the whole file (too many distinct keys): they are then aggregated in SQL.
    /// </param>
    StagedEvents SettleEvents(RollupDelta? asStaged) => throw new NotSupportedException("this loader stores events row by row");

    /// <summary>
    /// True when <see cref="AddCase"/> only stages rows (PostgreSQL's binary COPY): it then always answers
    /// <see cref="CaseOutcome.Inserted"/>, and <see cref="SettleCases"/> stores the file's cases in set-based SQL with
    /// the same outcome row by row as storing them one at a time in file order would give.
    /// </summary>
    bool StagesCases => false;

    /// <summary>
    /// Stores the staged cases and adds them to the case rollups (closed cases by month closed, open ones by month
    /// received, less the open cases a row closed); says how many rows were duplicates.
    /// </summary>
    StagedCases SettleCases() => throw new NotSupportedException("this loader stores cases row by row");

    /// <summary>
    /// True when <see cref="AddCostLine"/> only stages rows: it then always answers true, and <see cref="SettleCostLines"/>
    /// stores the lines that are not duplicates (of a stored line, or of an earlier line of the file).
    /// </summary>
    bool StagesCostLines => false;

    /// <summary>Stores the staged cost lines that are not duplicates.</summary>
    StagedCostLines SettleCostLines() => throw new NotSupportedException("this loader stores cost lines row by row");
}

/// <summary>A run of events for <see cref="IBulkLoader.AddEvents"/>, in the order they are to be added.</summary>
public interface IEventRows
{
    int Count { get; }

    /// <summary>Row <paramref name="k"/> of the run.</summary>
    EventRecord this[int k] { get; }
}

/// <summary>An event's place in the order a loader prefers (see <see cref="IBulkLoader.EventOrder"/>).</summary>
public delegate long EventOrderFunction(ReadOnlySpan<byte> councilCode, ReadOnlySpan<byte> eventId);

/// <summary>What settling a file's staged cases found.</summary>
/// <param name="Duplicates">Rows not stored: a case already stored (closed, or open and this row open too), or a later repeat in the file.</param>
/// <param name="Owners">The councils whose cases were stored or closed.</param>
public sealed record StagedCases(long Duplicates, IReadOnlyList<string> Owners);

/// <summary>What settling a file's staged cost lines found.</summary>
/// <param name="Duplicates">Lines not stored, being the same in every field as one already stored or earlier in the file.</param>
/// <param name="Owners">The councils and consortia of the lines stored.</param>
public sealed record StagedCostLines(long Duplicates, IReadOnlyList<string> Owners);

/// <summary>What settling a file's staged events found: the duplicates dropped, and the councils whose rows were stored.</summary>
public sealed record StagedEvents(long Duplicates, IReadOnlyList<string> Councils);
