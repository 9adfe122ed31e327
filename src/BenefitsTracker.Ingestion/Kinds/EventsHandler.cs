using BenefitsTracker.Core.Domain;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Bulk;
using BenefitsTracker.Ingestion.Pipeline;
using static BenefitsTracker.Ingestion.Validation.Fields;

namespace BenefitsTracker.Ingestion.Kinds;

/// <summary>Usage events: validated, de-duplicated by event_id, rolled up by council × service × channel × month.</summary>
internal sealed class EventsHandler() : KindHandler(KindSchema.Events)
{
    // Three index spaces, hence three sets of constants: C* the kind's columns (KindSchema.Events order, what Field reads),
    // T* and N* a row's text and number slots in the RowBatch that carries validated rows to the loading thread. The batch
    // keeps text as UTF-8 in one pinned buffer and numbers in one long[] so that ingest allocates nothing per row (the
    // process peaks at about 160 MB for 1,000,000 rows as for 5,000,000, docs/benchmarks.md); a double travels as its
    // bits (BitConverter.DoubleToInt64Bits) in a number slot, with NHasDuration saying whether there was one.
    private const int CEventId = 0, CCouncil = 1, CService = 2, CChannel = 3, CType = 4, COccurred = 5, CCase = 6, CUser = 7,
        CQuantity = 8, CDuration = 9, CRating = 10;
    private const int TEventId = 0, TCouncil = 1, TService = 2, TChannel = 3, TType = 4, TCase = 5, TUser = 6;
    private const int NCouncil = 0, NService = 1, NChannel = 2, NType = 3, NMonth = 4, NOccurred = 5, NQuantity = 6, NDuration = 7,
        NHasDuration = 8, NRating = 9;

    private static readonly int TypeCompleted = IndexOf(EventTypes.Completed, EventTypes.All);
    private static readonly int TypeStarted = IndexOf(EventTypes.Started, EventTypes.All);
    private static readonly int TypeFailed = IndexOf(EventTypes.Failed, EventTypes.All);
    private static readonly int TypeRating = IndexOf(EventTypes.SatisfactionRating, EventTypes.All);
    /// <summary>The Service Manual's five-point scale: 5 very satisfied … 1 very dissatisfied; 4 and 5 count as satisfied.</summary>
    private const int MinRating = 1, MaxRating = 5, SatisfiedFrom = 4;
    private static readonly string ChannelList = string.Join(", ", Channels.All);
    private static readonly string TypeList = string.Join(", ", EventTypes.All);

    private readonly Interner _councils = new(), _services = new();
    private readonly RollupTally<Key, UsageCounts> _usage = new(static (a, b) => a.Minus(b), static n => n.IsZero);
    // Set when a loader that stages rows was handed counts before the file ended: the staged rows' rollups are then
    // aggregated in SQL when the file is settled, rather than held here for the whole file.
    private bool _rollupsInSql;

    private readonly record struct Key(int Council, int Service, int Channel, int Month);

    public override int TextSlots => 7;
    public override int NumSlots => 10;

    public override string? Validate(RowBatch batch)
    {
        var council = Field(CCouncil);
        if (RequireGss(CCouncil, council) is { } r1) return r1;
        var service = Field(CService);
        if (RequireSlug(CService, service) is { } r2) return r2;
        var channel = Field(CChannel);
        if (channel.IsEmpty) return "channel is missing";
        var channelIndex = IndexOf(channel, Channels.All);
        if (channelIndex < 0) return $"channel {Show(channel)} is not one of {ChannelList}";
        var type = Field(CType);
        if (type.IsEmpty) return "event_type is missing";
        var typeIndex = IndexOf(type, EventTypes.All);
        if (typeIndex < 0) return $"event_type {Show(type)} is not one of {TypeList}";
        var occurred = Field(COccurred);
        if (occurred.IsEmpty) return "occurred_at is missing";
        if (!TryInstant(occurred, out var occurredMs, out var month)) return NotAnInstant(COccurred, occurred);
        if (MonthOutOfRange(COccurred, occurred, month) is { } r3) return r3;
        var quantityText = Field(CQuantity);
        long quantity = 1;
        if (!quantityText.IsEmpty && TryWhole(quantityText, out quantity, MaxQuantity) is var qp && qp != NumberProblem.None)
            return NumberReason(CQuantity, quantityText, qp, "a whole number", $"{MaxQuantity:N0}");
        var durationText = Field(CDuration);
        double duration = 0;
        if (!durationText.IsEmpty && TryNonNegativeDouble(durationText, out duration, MaxDurationSeconds) is var dp && dp != NumberProblem.None)
            return NumberReason(CDuration, durationText, dp, "a number of seconds", $"{MaxDurationSeconds:N0}");
        var ratingText = Field(CRating);
        long rating = 0;
        if (typeIndex == TypeRating)
        {
            if (ratingText.IsEmpty)
                return $"rating is missing: a {EventTypes.SatisfactionRating} event carries the user's rating, {MinRating} (very " +
                    $"dissatisfied) to {MaxRating} (very satisfied)";
            if (TryWhole(ratingText, out rating, MaxRating) is var rp && rp != NumberProblem.None || rating < MinRating)
                return $"rating {Show(ratingText)} is not a whole number from {MinRating} (very dissatisfied) to {MaxRating} (very satisfied)";
        }
        else if (!ratingText.IsEmpty)
            return $"rating {Show(ratingText)} is given on a {Show(type)} event: only {EventTypes.SatisfactionRating} events carry a rating";
        var eventId = Field(CEventId);
        if (eventId.Length > 200) return "event_id is longer than 200 characters";
        var caseId = Field(CCase);
        var userRef = Field(CUser);
        if (caseId.Length > 200 || userRef.Length > 200) return "case_id or user_ref is longer than 200 characters";

        batch.SetText(TEventId, eventId);
        batch.SetText(TCouncil, council);
        batch.SetText(TService, service);
        batch.SetText(TChannel, channel);
        batch.SetText(TType, type);
        batch.SetText(TCase, caseId);
        batch.SetText(TUser, userRef);
        var councilId = _councils.Id(council);
        var serviceId = _services.Id(service);
        batch.SetNum(NCouncil, councilId);
        batch.SetNum(NService, serviceId);
        batch.SetNum(NChannel, channelIndex);
        batch.SetNum(NType, typeIndex);
        batch.SetNum(NMonth, month);
        batch.SetNum(NOccurred, occurredMs);
        batch.SetNum(NQuantity, quantity);
        batch.SetNum(NDuration, BitConverter.DoubleToInt64Bits(duration));
        batch.SetNum(NHasDuration, durationText.IsEmpty ? 0 : 1);
        batch.SetNum(NRating, rating);
        batch.Commit();
        Add(ref _usage.Count(new Key(councilId, serviceId, channelIndex, month)), typeIndex, quantity, (int)rating);
        return null;
    }

    /// <summary>Adds an event to its cell's counts: a satisfaction event with quantity n stands for n ratings of its value.</summary>
    private static void Add(ref UsageCounts counts, int type, long quantity, int rating)
    {
        if (type == TypeRating)
        {
            counts.Ratings += quantity;
            if (rating >= SatisfiedFrom) counts.Satisfied += quantity;
        }
        else if (type == TypeCompleted) counts.Completed += quantity;
        else if (type == TypeStarted) counts.Started += quantity;
        else if (type == TypeFailed) counts.Failed += quantity;
        else counts.Other += quantity;
    }

    public override bool Load(RowBatch b, int i, IBulkLoader loader, long fileId)
    {
        var inserted = loader.AddEvent(Event(b, i, fileId));
        if (loader.StagesEvents)
        {
            // Staged: duplicates, contacts and rollups are settled for the whole file in FinishAsync.
            if (b.Text(i, TEventId).IsEmpty) WithoutEventId++;
            return true;
        }
        return Loaded(b, i, loader, inserted);
    }

    private static EventRecord Event(RowBatch b, int i, long fileId) => new()
    {
        EventId = b.Text(i, TEventId),
        CouncilCode = b.Text(i, TCouncil),
        Service = b.Text(i, TService),
        Channel = b.Text(i, TChannel),
        EventType = b.Text(i, TType),
        OccurredAtMs = b.Num(i, NOccurred),
        CaseId = b.Text(i, TCase),
        UserRef = b.Text(i, TUser),
        Quantity = b.Num(i, NQuantity),
        DurationSeconds = b.Num(i, NHasDuration) == 1 ? BitConverter.Int64BitsToDouble(b.Num(i, NDuration)) : null,
        Rating = b.Num(i, NRating) is var rating and > 0 ? (int)rating : null,
        FileId = fileId,
    };

    /// <summary>After row <paramref name="i"/> was offered to a loader that does not stage: its rollups, contact and counts.</summary>
    private bool Loaded(RowBatch b, int i, IBulkLoader loader, bool inserted)
    {
        var type = (int)b.Num(i, NType);
        if (!inserted)
        {
            Add(ref _usage.TakeBack(new Key((int)b.Num(i, NCouncil), (int)b.Num(i, NService), (int)b.Num(i, NChannel), (int)b.Num(i, NMonth))),
                type, b.Num(i, NQuantity), (int)b.Num(i, NRating));
            return false;
        }

        if (b.Text(i, TEventId).IsEmpty) WithoutEventId++;
        var user = b.Text(i, TUser);
        if (!user.IsEmpty && (type == TypeCompleted || type == TypeFailed))
            loader.AddContact(new ContactRecord
            {
                CouncilCode = b.Text(i, TCouncil),
                Service = b.Text(i, TService),
                UserRef = user,
                Channel = b.Text(i, TChannel),
                Kind = type == TypeFailed ? 0 : 1,
                OccurredAtMs = b.Num(i, NOccurred),
            });
        return true;
    }

    private readonly BatchEvents _run = new();
    private bool[]? _inserted;

    /// <summary>
    /// A loader that stores row by row gets the whole batch at once (<see cref="IBulkLoader.AddEvents"/>: SQLite writes 32
    /// rows a statement), then each row's rollups, contact and counts follow in load order as <see cref="Load"/>'s do.
    /// </summary>
    public override (long Accepted, long Duplicates) LoadBatch(RowBatch batch, IBulkLoader loader, long fileId)
    {
        if (loader.StagesEvents) return base.LoadBatch(batch, loader, fileId);
        var n = batch.Count;
        var inserted = (_inserted ??= new bool[RowBatch.Capacity]).AsSpan(0, n);
        _run.Batch = batch;
        _run.FileId = fileId;
        try
        {
            loader.AddEvents(_run, inserted);
        }
        finally
        {
            _run.Batch = null;
        }
        long accepted = 0, duplicates = 0;
        var order = batch.Order;
        for (var k = 0; k < n; k++)
        {
            if (Loaded(batch, order is null ? k : order[k], loader, inserted[k])) accepted++;
            else duplicates++;
        }
        return (accepted, duplicates);
    }

    /// <summary>A batch's rows in load order, as events (its text stays in the batch's pinned buffer).</summary>
    private sealed class BatchEvents : IEventRows
    {
        public RowBatch? Batch { get; set; }
        public long FileId { get; set; }
        public int Count => Batch!.Count;
        public EventRecord this[int k] => Event(Batch!, Batch!.Order is { } order ? order[k] : k, FileId);
    }

    private long[]? _orderKeys;

    /// <summary>
    /// Sorts the batch by the loader's preferred order (SQLite: its index key), keeping file order among rows of one id
    /// so that the first of a file's repeats is the one stored; rows without an id go first, in file order.
    /// </summary>
    public override void Order(RowBatch batch, IBulkLoader loader)
    {
        if (loader.StagesEvents || loader.EventOrder is not { } place) return;
        var n = batch.Count;
        var keys = _orderKeys ??= new long[RowBatch.Capacity];
        var order = batch.OrderBuffer();
        for (var i = 0; i < n; i++)
        {
            var id = batch.Text(i, TEventId);
            keys[i] = id.IsEmpty ? long.MinValue : place(batch.Text(i, TCouncil), id);
            order[i] = i;
        }
        Array.Sort(keys, order, 0, n);
        // The sort is not stable: put the rows of equal keys (repeats of an id, and the rows without one) back in file order.
        for (int start = 0, end; start < n; start = end)
        {
            for (end = start + 1; end < n && keys[end] == keys[start]; end++) { }
            if (end - start > 1) Array.Sort(order, start, end - start);
        }
        batch.Order = order;
    }

    public override object? HandOver() => _usage.Keys < FlushKeys ? null : _usage.HandOver();

    public override void AfterBatch(object handedOver, IBulkLoader loader)
    {
        if (loader.StagesEvents) _rollupsInSql = true;
        else Merge((Dictionary<Key, UsageCounts>)handedOver, loader);
    }

    public override Task FinishAsync(BenefitsDbContext db, IBulkLoader loader, CancellationToken ct)
    {
        if (loader.StagesEvents)
        {
            RollupDelta? asStaged = null;
            if (!_rollupsInSql)
            {
                asStaged = new RollupDelta();
                foreach (var (k, v) in _usage.Rest)
                    asStaged.Usage[new UsageKey(_councils[k.Council], _services[k.Service], Channels.All[k.Channel], k.Month)] = v;
            }
            var settled = loader.SettleEvents(asStaged);
            LateDuplicates = settled.Duplicates;
            Owners.UnionWith(settled.Councils);
            loader.AddServices(_services.Values);
            return Task.CompletedTask;
        }
        Merge(_usage.Rest, loader);
        loader.AddServices(_services.Values);
        return Task.CompletedTask;
    }

    /// <summary>Merges counted rollups less the duplicates noted since the last merge.</summary>
    private void Merge(Dictionary<Key, UsageCounts> counted, IBulkLoader loader)
    {
        var delta = new RollupDelta();
        foreach (var (k, n) in _usage.Net(counted))
            delta.Usage[new UsageKey(_councils[k.Council], _services[k.Service], Channels.All[k.Channel], k.Month)] = n;
        loader.MergeRollups(delta);
        Owners.UnionWith(delta.Usage.Keys.Select(k => k.CouncilCode));
    }
}
