using System.Runtime.InteropServices;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Bulk;
using BenefitsTracker.Ingestion.Pipeline;
using static BenefitsTracker.Ingestion.Validation.Fields;

namespace BenefitsTracker.Ingestion.Kinds;

/// <summary>
/// Case records: unique by council and case_id. A repeat is a duplicate (the first stored wins), except that a
/// closed record of a case stored open closes it. Closed cases feed the minutes histogram by month closed, open ones
/// the open count by month received.
/// </summary>
internal sealed class CasesHandler() : KindHandler(KindSchema.Cases)
{
    private const int CCase = 0, CCouncil = 1, CService = 2, CChannel = 3, CType = 4, CReceived = 5, CClosed = 6, CMinutes = 7, CGrade = 8;
    private const int TCase = 0, TCouncil = 1, TService = 2, TChannel = 3, TType = 4, TGrade = 5;
    private const int NCouncil = 0, NService = 1, NReceived = 2, NClosed = 3, NMinutes = 4, NGrade = 5, NMonthReceived = 6, NMonthClosed = 7;
    private const long None = long.MinValue;
    private static readonly string ChannelList = string.Join(", ", Channels.All);

    private readonly Interner _councils = new(), _services = new(), _grades = new();
    // Closed cases by month closed, grade and minutes; open ones by month received.
    private readonly RollupTally<(int Council, int Service, int Month, int Grade, long Minutes), long> _closed = new(Minus, IsEmpty);
    private readonly RollupTally<(int Council, int Service, int Month), long> _open = new(Minus, IsEmpty);
    private static long Minus(long a, long b) => a - b;
    private static bool IsEmpty(long n) => n <= 0;
    // Stored open cases that this file closes: their open count is taken back (loading thread).
    private readonly Dictionary<OpenCaseKey, long> _openClosed = new();

    public override int TextSlots => 6;
    public override int NumSlots => 8;

    public override string? Validate(RowBatch batch)
    {
        var caseId = Field(CCase);
        if (caseId.IsEmpty) return "case_id is missing";
        if (caseId.Length > 200) return "case_id is longer than 200 characters";
        var council = Field(CCouncil);
        if (RequireGss(CCouncil, council) is { } r1) return r1;
        var service = Field(CService);
        if (RequireSlug(CService, service) is { } r2) return r2;
        var channel = Field(CChannel);
        if (!channel.IsEmpty && IndexOf(channel, Channels.All) < 0) return $"channel {Show(channel)} is not one of {ChannelList}";
        var received = Field(CReceived);
        if (received.IsEmpty) return "received_at is missing";
        if (!TryInstant(received, out var receivedMs, out var monthReceived)) return NotAnInstant(CReceived, received);
        if (MonthOutOfRange(CReceived, received, monthReceived) is { } r3) return r3;
        var closed = Field(CClosed);
        long closedMs = None;
        var monthClosed = 0;
        if (!closed.IsEmpty)
        {
            if (!TryInstant(closed, out closedMs, out monthClosed)) return NotAnInstant(CClosed, closed);
            if (MonthOutOfRange(CClosed, closed, monthClosed) is { } r4) return r4;
            if (closedMs < receivedMs) return $"closed_at {Show(closed)} is before received_at {Show(received)}";
        }
        var minutesText = Field(CMinutes);
        long minutes = None;
        if (!minutesText.IsEmpty)
        {
            var p = TryHundredths(minutesText, out minutes, MaxOfficerMinutes);
            if (p != NumberProblem.None) return NumberReason(CMinutes, minutesText, p, "a number of minutes", $"{MaxOfficerMinutes:N0}");
        }
        else if (closedMs != None) return "officer_minutes is missing for a closed case";
        var grade = Field(CGrade);
        if (grade.Length > 50) return "officer_grade is longer than 50 characters";
        var caseType = Field(CType);

        batch.SetText(TCase, caseId);
        batch.SetText(TCouncil, council);
        batch.SetText(TService, service);
        batch.SetText(TChannel, channel);
        batch.SetText(TType, caseType);
        batch.SetText(TGrade, grade);
        var councilId = _councils.Id(council);
        var serviceId = _services.Id(service);
        var gradeId = _grades.Id(grade);
        batch.SetNum(NCouncil, councilId);
        batch.SetNum(NService, serviceId);
        batch.SetNum(NReceived, receivedMs);
        batch.SetNum(NClosed, closedMs);
        batch.SetNum(NMinutes, minutes);
        batch.SetNum(NGrade, gradeId);
        batch.SetNum(NMonthReceived, monthReceived);
        batch.SetNum(NMonthClosed, monthClosed);
        batch.Commit();
        if (closedMs != None) _closed.Count((councilId, serviceId, monthClosed, gradeId, minutes))++;
        else _open.Count((councilId, serviceId, monthReceived))++;
        return null;
    }

    public override bool Load(RowBatch b, int i, IBulkLoader loader, long fileId)
    {
        var closed = b.Num(i, NClosed);
        var minutes = b.Num(i, NMinutes);
        var outcome = loader.AddCase(new CaseRecord
        {
            CaseId = b.Text(i, TCase),
            CouncilCode = b.Text(i, TCouncil),
            Service = b.Text(i, TService),
            Channel = b.Text(i, TChannel),
            CaseType = b.Text(i, TType),
            ReceivedAtMs = b.Num(i, NReceived),
            ClosedAtMs = closed == None ? null : closed,
            OfficerMinutesHundredths = minutes == None ? null : minutes,
            OfficerGrade = b.Text(i, TGrade),
            FileId = fileId,
        }, out var wasOpen);
        // Staged (PostgreSQL): the file's cases, duplicates and rollups are settled in set-based SQL in FinishAsync.
        if (outcome == CaseOutcome.Inserted || loader.StagesCases) return true;
        if (outcome == CaseOutcome.ClosedOpenCase)
        {
            var month = Core.Domain.Month.Of(DateTimeOffset.FromUnixTimeMilliseconds(wasOpen.ReceivedAtMs)).Key;
            CollectionsMarshal.GetValueRefOrAddDefault(_openClosed,
                new OpenCaseKey(System.Text.Encoding.UTF8.GetString(b.Text(i, TCouncil)), wasOpen.Service, month), out _)--;
            return true;
        }
        var council = (int)b.Num(i, NCouncil);
        var service = (int)b.Num(i, NService);
        if (closed != None) _closed.TakeBack((council, service, (int)b.Num(i, NMonthClosed), (int)b.Num(i, NGrade), minutes))++;
        else _open.TakeBack((council, service, (int)b.Num(i, NMonthReceived)))++;
        return false;
    }

    /// <summary>The histogram and open counts of the rows up to a batch, handed to the loading thread together.</summary>
    private sealed record Counted(
        Dictionary<(int Council, int Service, int Month, int Grade, long Minutes), long> Closed,
        Dictionary<(int Council, int Service, int Month), long> Open);

    public override object? HandOver() =>
        _closed.Keys + _open.Keys < FlushKeys ? null : new Counted(_closed.HandOver(), _open.HandOver());

    public override void AfterBatch(object handedOver, IBulkLoader loader)
    {
        if (!loader.StagesCases) Merge((Counted)handedOver, loader);
    }

    public override Task FinishAsync(BenefitsDbContext db, IBulkLoader loader, CancellationToken ct)
    {
        if (loader.StagesCases)
        {
            var settled = loader.SettleCases();
            LateDuplicates = settled.Duplicates;
            Owners.UnionWith(settled.Owners);
        }
        else Merge(new Counted(_closed.Rest, _open.Rest), loader);
        loader.AddServices(_services.Values);
        return Task.CompletedTask;
    }

    /// <summary>Merges counted rollups less the duplicates and closings noted since the last merge, which are then forgotten.</summary>
    private void Merge(Counted counted, IBulkLoader loader)
    {
        var delta = new RollupDelta();
        foreach (var (k, n) in _closed.Net(counted.Closed))
            delta.ClosedCases[new ClosedCaseKey(_councils[k.Council], _services[k.Service], k.Month, _grades[k.Grade], k.Minutes)] = n;
        foreach (var (k, n) in _open.Net(counted.Open))
            delta.OpenCases[new OpenCaseKey(_councils[k.Council], _services[k.Service], k.Month)] = n;
        foreach (var (k, n) in _openClosed)
            delta.OpenCases[k] = delta.OpenCases.GetValueOrDefault(k) + n;
        _openClosed.Clear();
        loader.MergeRollups(delta);
        Owners.UnionWith(delta.ClosedCases.Keys.Select(k => k.CouncilCode).Concat(delta.OpenCases.Keys.Select(k => k.CouncilCode)));
    }
}
