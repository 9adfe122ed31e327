using BenefitsTracker.Data;
using BenefitsTracker.Data.Bulk;
using BenefitsTracker.Ingestion.Pipeline;
using BenefitsTracker.Ingestion.Reading;

namespace BenefitsTracker.Ingestion.Kinds;

/// <summary>
/// One kind of input: <see cref="Validate"/> runs on the parsing thread and writes good rows into a batch;
/// <see cref="Load"/> runs on the loading thread and accumulates rollups for rows actually inserted;
/// <see cref="FinishAsync"/> runs once, inside the file's transaction, after both threads are done.
/// One instance per file.
/// </summary>
internal abstract class KindHandler(KindSchema schema)
{
    private int[] _map = [];
    private IRecordSource? _source;

    public KindSchema Schema { get; } = schema;

    /// <summary>
    /// The council codes and consortium ids this file stored rows for, known once <see cref="FinishAsync"/> has run:
    /// a report's lineage lists the files of its own councils and consortium.
    /// </summary>
    public SortedSet<string> Owners { get; } = new(StringComparer.Ordinal);
    /// <summary>Accepted rows with no id of their own (events without event_id): see <see cref="FileResult.WithoutEventId"/>.</summary>
    public long WithoutEventId { get; protected set; }
    /// <summary>
    /// Rows <see cref="Load"/> counted as accepted that turned out, when the file was settled in <see cref="FinishAsync"/>,
    /// to be duplicates (a loader that stages rows and de-duplicates them as a set).
    /// </summary>
    public long LateDuplicates { get; protected set; }
    public abstract int TextSlots { get; }
    public abstract int NumSlots { get; }

    public static KindHandler For(InputKind kind) => kind switch
    {
        InputKind.Events => new EventsHandler(),
        InputKind.Cases => new CasesHandler(),
        InputKind.Costs => new CostsHandler(),
        InputKind.Councils => new CouncilsHandler(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a row kind"),
    };

    /// <summary>Maps this kind's columns onto the source's ordinals.</summary>
    public void Bind(IRecordSource source)
    {
        source.Bind(Schema.Columns);
        _source = source;
        _map = new int[Schema.Columns.Count];
        for (var k = 0; k < _map.Length; k++)
        {
            _map[k] = -1;
            for (var i = 0; i < source.Columns.Count; i++)
                if (source.Columns[i] == Schema.Columns[k]) { _map[k] = i; break; }
        }
    }

    /// <summary>A field of the current record by this kind's column index, trimmed; empty when absent.</summary>
    protected ReadOnlySpan<char> Field(int column) => _map[column] < 0 ? default : _source!.Field(_map[column]).Trim();

    protected string Name(int column) => Schema.Columns[column];

    /// <summary>Checks the current record; when good, writes it into the batch and returns null, else the reason.</summary>
    public abstract string? Validate(RowBatch batch);

    /// <summary>Stores row <paramref name="row"/>; false when it was a duplicate and nothing was stored.</summary>
    public abstract bool Load(RowBatch batch, int row, IBulkLoader loader, long fileId);

    /// <summary>
    /// Loading thread: stores every row of a batch, in <see cref="RowBatch.Order"/> when set; counts the rows stored and the
    /// duplicates. The default is <see cref="Load"/> row by row.
    /// </summary>
    public virtual (long Accepted, long Duplicates) LoadBatch(RowBatch batch, IBulkLoader loader, long fileId)
    {
        long accepted = 0, duplicates = 0;
        var order = batch.Order;
        for (var k = 0; k < batch.Count; k++)
        {
            if (Load(batch, order is null ? k : order[k], loader, fileId)) accepted++;
            else duplicates++;
        }
        return (accepted, duplicates);
    }

    public abstract Task FinishAsync(BenefitsDbContext db, IBulkLoader loader, CancellationToken ct);

    /// <summary>
    /// Distinct rollup keys a handler counts in memory before it hands them to the loading thread to merge in the
    /// file's transaction: memory then stays bounded whatever the number of distinct council × service × channel ×
    /// month keys in a file (measured at 0.4 KB a key when a file's keys were all held to its end).
    /// </summary>
    protected const int FlushKeys = 65_536;

    /// <summary>
    /// Parsing thread, as a full batch goes to the loading thread: may set <see cref="RowBatch.Order"/> to the order the
    /// loader prefers. The default keeps file order.
    /// </summary>
    public virtual void Order(RowBatch batch, IBulkLoader loader)
    {
    }

    /// <summary>
    /// Parsing thread, as a batch goes to the loading thread: the rollups counted for the rows so far, when there are
    /// enough to merge before the file ends (the handler then counts afresh), else null.
    /// </summary>
    public virtual object? HandOver() => null;

    /// <summary>
    /// Loading thread, once every row of a batch is loaded: merges what <see cref="HandOver"/> gave with the batch,
    /// less the duplicates found among the rows it counted.
    /// </summary>
    public virtual void AfterBatch(object handedOver, IBulkLoader loader)
    {
    }

    // Shared checks with the reason texts of docs/data-formats.md.
    protected string? RequireGss(int column, ReadOnlySpan<char> value) =>
        value.IsEmpty ? $"{Name(column)} is missing"
        : Validation.Fields.IsGss(value) ? null
        : $"{Name(column)} {Validation.Fields.Show(value)} is not an ONS GSS code (E, W, S or N then 8 digits, e.g. W06000003)";

    protected string? RequireSlug(int column, ReadOnlySpan<char> value) =>
        value.IsEmpty ? $"{Name(column)} is missing"
        : Validation.Fields.IsSlug(value) ? null
        : $"{Name(column)} {Validation.Fields.Show(value)} is not a slug (lower-case letters, digits, '-', e.g. garden-waste)";

    protected string NotAnInstant(int column, ReadOnlySpan<char> value) =>
        $"{Name(column)} {Validation.Fields.Show(value)} is not an ISO 8601 timestamp with an offset or Z (e.g. 2024-04-01T09:30:00Z)";

    /// <summary>
    /// A timestamp's UTC month outside the months the store holds (1900-01 to 2999-12): one such row would stop every
    /// later report of its council, so it is refused here. Null when inside.
    /// </summary>
    protected string? MonthOutOfRange(int column, ReadOnlySpan<char> value, int monthKey) =>
        monthKey is >= Validation.Fields.FirstMonthKey and <= Validation.Fields.LastMonthKey ? null
        : $"{Name(column)} {Validation.Fields.Show(value)} is in {Validation.Fields.MonthText(monthKey)} in UTC, outside the months " +
            $"the store holds " +
          $"({Validation.Fields.MonthText(Validation.Fields.FirstMonthKey)} to {Validation.Fields.MonthText(Validation.Fields.LastMonthKey)})";

    protected string NumberReason(int column, ReadOnlySpan<char> value, Validation.Fields.NumberProblem problem, string what,
        string? max = null) => problem switch
    {
        Validation.Fields.NumberProblem.Negative => $"{Name(column)} {Validation.Fields.Show(value)} is negative",
        Validation.Fields.NumberProblem.TooPrecise => $"{Name(column)} {Validation.Fields.Show(value)} has more than 2 decimal places",
        Validation.Fields.NumberProblem.TooLarge => $"{Name(column)} {Validation.Fields.Show(value)} is too large"
            + (max is null ? "" : $" (at most {max})"),
        _ => $"{Name(column)} {Validation.Fields.Show(value)} is not {what}",
    };
}
