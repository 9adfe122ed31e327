using BenefitsTracker.Core.Domain;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Bulk;
using BenefitsTracker.Ingestion.Pipeline;
using static BenefitsTracker.Ingestion.Validation.Fields;

namespace BenefitsTracker.Ingestion.Kinds;

/// <summary>Cost lines against a council or a consortium; money kept exactly, in pence.</summary>
internal sealed class CostsHandler() : KindHandler(KindSchema.Costs)
{
    private const int CCouncil = 0, CConsortium = 1, CService = 2, CCategory = 3, CStart = 4, CEnd = 5, CAmount = 6, CCashable = 7,
        CReference = 8, CDescription = 9;
    private const int TCouncil = 0, TConsortium = 1, TService = 2, TCategory = 3, TReference = 4, TDescription = 5;
    private const int NStart = 0, NEnd = 1, NPence = 2, NCashable = 3;
    private static readonly string CategoryList = string.Join(", ", CostCategories.All);

    private readonly Interner _services = new();

    public override int TextSlots => 6;
    public override int NumSlots => 4;

    public override string? Validate(RowBatch batch)
    {
        var council = Field(CCouncil);
        var consortium = Field(CConsortium);
        if (council.IsEmpty && consortium.IsEmpty) return "neither council_code nor consortium is given";
        if (!council.IsEmpty && !consortium.IsEmpty) return "both council_code and consortium are given; a cost line belongs to one of them";
        if (!council.IsEmpty && RequireGss(CCouncil, council) is { } r1) return r1;
        if (!consortium.IsEmpty && !IsSlug(consortium))
            return $"consortium {Show(consortium)} is not an id (lower-case letters, digits, '-', e.g. north-wales)";
        var category = Field(CCategory);
        if (category.IsEmpty) return "category is missing";
        if (IndexOf(category, CostCategories.All) < 0) return $"category {Show(category)} is not one of {CategoryList}";
        var service = Field(CService);
        if (!service.IsEmpty && RequireSlug(CService, service) is { } r2) return r2;
        if (service.IsEmpty && CostCategories.IsBaseline(category.ToString()))
            return $"a {category} cost line needs a service: its baseline is measured per service";
        var startText = Field(CStart);
        if (startText.IsEmpty) return "period_start is missing";
        if (!TryDate(startText, out var start)) return $"period_start {Show(startText)} is not a date (YYYY-MM-DD)";
        var endText = Field(CEnd);
        if (endText.IsEmpty) return "period_end is missing";
        if (!TryDate(endText, out var end)) return $"period_end {Show(endText)} is not a date (YYYY-MM-DD)";
        if (end < start) return $"period_end {Show(endText)} is before period_start {Show(startText)}";
        var amountText = Field(CAmount);
        if (amountText.IsEmpty) return "amount_gbp is missing";
        var p = TryHundredths(amountText, out var pence, MaxAmountPounds);
        if (p != NumberProblem.None) return NumberReason(CAmount, amountText, p, "an amount in pounds (e.g. 1234.50)", $"{MaxAmountPounds:N0}");
        var cashableText = Field(CCashable);
        bool cashable;
        if (cashableText.IsEmpty) cashable = CostCategories.IsBaseline(category.ToString());
        else if (!TryBool(cashableText, out cashable)) return $"cashable {Show(cashableText)} is not true or false";
        var reference = Field(CReference);
        if (reference.Length > 200) return "reference is longer than 200 characters";

        batch.SetText(TCouncil, council);
        batch.SetText(TConsortium, consortium);
        batch.SetText(TService, service);
        batch.SetText(TCategory, category);
        batch.SetText(TReference, reference);
        batch.SetText(TDescription, Field(CDescription));
        batch.SetNum(NStart, start.DayNumber);
        batch.SetNum(NEnd, end.DayNumber);
        batch.SetNum(NPence, pence);
        batch.SetNum(NCashable, cashable ? 1 : 0);
        if (!service.IsEmpty) _services.Id(service);
        batch.Commit();
        return null;
    }

    public override bool Load(RowBatch b, int i, IBulkLoader loader, long fileId)
    {
        var inserted = loader.AddCostLine(new CostRecord
        {
            CouncilCode = b.Text(i, TCouncil),
            ConsortiumId = b.Text(i, TConsortium),
            Service = b.Text(i, TService),
            Category = b.Text(i, TCategory),
            PeriodStart = DateOnly.FromDayNumber((int)b.Num(i, NStart)),
            PeriodEnd = DateOnly.FromDayNumber((int)b.Num(i, NEnd)),
            AmountPence = b.Num(i, NPence),
            Cashable = b.Num(i, NCashable) == 1,
            Reference = b.Text(i, TReference),
            Description = b.Text(i, TDescription),
            FileId = fileId,
        });
        if (loader.StagesCostLines) return true; // duplicates and owners are settled in FinishAsync
        if (inserted)
        {
            var council = b.Text(i, TCouncil);
            Owners.Add(System.Text.Encoding.UTF8.GetString(council.IsEmpty ? b.Text(i, TConsortium) : council));
        }
        return inserted;
    }

    public override Task FinishAsync(BenefitsDbContext db, IBulkLoader loader, CancellationToken ct)
    {
        if (loader.StagesCostLines)
        {
            var settled = loader.SettleCostLines();
            LateDuplicates = settled.Duplicates;
            Owners.UnionWith(settled.Owners);
        }
        loader.AddServices(_services.Values);
        return Task.CompletedTask;
    }
}
