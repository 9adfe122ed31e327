using BenefitsTracker.Data;
using BenefitsTracker.Data.Bulk;
using BenefitsTracker.Data.Entities;
using BenefitsTracker.Ingestion.Pipeline;
using Microsoft.EntityFrameworkCore;
using static BenefitsTracker.Ingestion.Validation.Fields;

namespace BenefitsTracker.Ingestion.Kinds;

/// <summary>The councils file: councils and their consortia are upserted (a later file updates name, population, consortium).</summary>
internal sealed class CouncilsHandler() : KindHandler(KindSchema.Councils)
{
    private const int CCode = 0, CName = 1, CPopulation = 2, CConsortium = 3;
    private const int TCode = 0, TName = 1, TConsortium = 2;
    private const int NPopulation = 0;

    private readonly Dictionary<string, CouncilRow> _councils = new(StringComparer.Ordinal);

    public override int TextSlots => 3;
    public override int NumSlots => 1;

    public override string? Validate(RowBatch batch)
    {
        var code = Field(CCode);
        if (RequireGss(CCode, code) is { } r1) return r1;
        var name = Field(CName);
        if (name.IsEmpty) return "name is missing";
        if (name.Length > 200) return "name is longer than 200 characters";
        var populationText = Field(CPopulation);
        long population = -1;
        if (!populationText.IsEmpty && TryWhole(populationText, out population) is var p && p != NumberProblem.None)
            return NumberReason(CPopulation, populationText, p, "a whole number");
        var consortium = Field(CConsortium);
        if (!consortium.IsEmpty && !IsSlug(consortium))
            return $"consortium {Show(consortium)} is not an id (lower-case letters, digits, '-', e.g. north-wales)";

        batch.SetText(TCode, code);
        batch.SetText(TName, name);
        batch.SetText(TConsortium, consortium);
        batch.SetNum(NPopulation, population);
        batch.Commit();
        return null;
    }

    public override bool Load(RowBatch b, int i, IBulkLoader loader, long fileId)
    {
        var code = System.Text.Encoding.UTF8.GetString(b.Text(i, TCode));
        var consortium = b.Text(i, TConsortium);
        _councils[code] = new CouncilRow
        {
            Code = code,
            Name = System.Text.Encoding.UTF8.GetString(b.Text(i, TName)),
            Population = b.Num(i, NPopulation) is >= 0 and var p ? p : null,
            ConsortiumId = consortium.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(consortium),
        };
        return true;
    }

    public override async Task FinishAsync(BenefitsDbContext db, IBulkLoader loader, CancellationToken ct)
    {
        var codes = _councils.Keys.ToList();
        var existing = await db.Councils.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
        foreach (var row in _councils.Values)
        {
            if (existing.TryGetValue(row.Code, out var e))
            {
                e.Name = row.Name;
                e.Population = row.Population;
                e.ConsortiumId = row.ConsortiumId;
            }
            else db.Councils.Add(row);
        }
        var consortia = _councils.Values.Where(c => c.ConsortiumId is not null).Select(c => c.ConsortiumId!).Distinct().ToList();
        var known = await db.Consortia.Where(c => consortia.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in consortia.Except(known)) db.Consortia.Add(new ConsortiumRow { Id = id });
        Owners.UnionWith(codes.Concat(consortia));
        await db.SaveChangesAsync(ct);
    }
}
