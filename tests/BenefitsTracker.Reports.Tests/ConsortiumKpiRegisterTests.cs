using System.Globalization;
using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Register;
using BenefitsTracker.TestSupport;
using ClosedXML.Excel;
using Xunit.Abstractions;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;
using K = BenefitsTracker.Reports.Workbook.ConsortiumKpiSheet;
using G = BenefitsTracker.Reports.Workbook.ConsortiumRegisterSheet;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Issue 15 in a consortium's workbook: the KPIs sheet (each member's four KPIs by service beside the consortium's)
/// and the Benefits register sheet (one row per member, service and benefit line), under the consortium's
/// disclosure control, and benefits-register.csv written for a consortium report.
/// </summary>
public sealed class ConsortiumKpiRegisterTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scopes => new() { "sample", "small-members", "kpi-example" };

    private static SavingsResult Of(string scope) => scope switch
    {
        "sample" => Results.SampleNorthWales,        // four councils, three services, none withheld
        "small-members" => Results.SmallMembers,     // Mid and Tiny withheld whole
        _ => KpiExample.Consortium(),                // Two's 5 ratings below 10, One's 20 hidden beside them
    };

    private static readonly string[] Symbols = ["<10", DisclosureView.ConfidentialSymbol];

    /// <summary>The KPIs sheet's row of a service and council (or "Consortium").</summary>
    private static int KpiRow(IXLWorksheet ws, string service, string council) =>
        ws.RowsUsed().Single(r => r.RowNumber() > K.SummaryHeaderRow && r.Cell(K.ServiceCol).GetString() == service
            && r.Cell(K.CouncilCol).GetString() == council).RowNumber();

    private static void Count(long expected, IXLCell cell, string what) =>
        Assert.True(cell.Value is double d && d == expected, $"{what}: workbook has {cell.Value}, the result {expected}");

    /// <summary>Every figure of a shown row (counts, money, the four KPIs) against <paramref name="f"/>.</summary>
    private static void Row(IXLWorksheet ws, int row, KpiFigures f, string what)
    {
        Count(f.Transactions, ws.Cell(row, K.TransactionsCol), what + " transactions");
        Count(f.DigitalTransactions, ws.Cell(row, K.DigitalCol), what + " digital");
        Pence(f.ChannelCost, ws.Cell(row, K.ChannelCostCol).Value, what + " channel cost");
        Pence(f.Costs, ws.Cell(row, K.CostsCol).Value, what + " costs");
        Count(f.CompletedWhereStarted, ws.Cell(row, K.CompletedCol), what + " completed");
        Count(f.StartedRecorded, ws.Cell(row, K.StartedCol), what + " started");
        Count(f.Ratings, ws.Cell(row, K.RatingsCol), what + " ratings");
        Count(f.Satisfied, ws.Cell(row, K.SatisfiedCol), what + " satisfied");
        KpiCells(ws, row, f, what);
    }

    private static void KpiCells(IXLWorksheet ws, int row, KpiFigures f, string what, params Kpi[] only)
    {
        for (var i = 0; i < Kpis.All.Count; i++)
        {
            var kpi = Kpis.All[i];
            if (only.Length > 0 && !only.Contains(kpi)) continue;
            var cell = ws.Cell(row, K.FirstKpiCol + i).Value;
            if (f.Value(kpi) is not { } v) Assert.Equal("", cell);
            else if (kpi == Kpi.CostPerTransaction) Pence(v, cell, $"{what} {kpi}");
            else Ratio(v, cell, $"{what} {kpi}");
        }
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void The_KPIs_sheet_agrees_with_the_result_to_the_penny(string scope)
    {
        var r = Of(scope);
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(r, dir);
        var ws = wb.Worksheet(K.SheetName);
        var kd = KpiDisclosure.Of(r);
        var checkedRows = 0;
        foreach (var k in r.Kpis)
        {
            foreach (var m in r.Members)
            {
                if (m.Kpis.FirstOrDefault(x => x.Service == k.Service) is not { } mk) continue;
                var row = KpiRow(ws, k.Service, m.Scope.Id);
                Assert.Equal(m.Scope.Name, ws.Cell(row, K.NameCol).GetString());
                if (kd.View.Member(m.Scope.Id) != Shown.Value) continue;
                // Each count's figures shown where the Core view shows the member's count.
                if (kd.Member(m.Scope.Id, k.Service, Kpi.CostPerTransaction) == Shown.Value)
                {
                    Count(mk.Period.Transactions, ws.Cell(row, K.TransactionsCol), "transactions");
                    Pence(mk.Period.ChannelCost + mk.Period.Costs,
                        (double)ws.Cell(row, K.ChannelCostCol).Value + (double)ws.Cell(row, K.CostsCol).Value, "costs");
                    KpiCells(ws, row, mk.Period, $"{m.Scope.Id} {k.Service}", Kpi.CostPerTransaction, Kpi.DigitalTakeUp);
                    checkedRows++;
                }
                if (kd.Member(m.Scope.Id, k.Service, Kpi.UserSatisfaction) == Shown.Value && ws.Cell(row, K.RatingsCol).Value is double)
                    KpiCells(ws, row, mk.Period, $"{m.Scope.Id} {k.Service}", Kpi.UserSatisfaction);
            }
            var consortium = KpiRow(ws, k.Service, K.ConsortiumLabel);
            if (kd.Period(k.Service, Kpi.UserSatisfaction) == Shown.Value && kd.Period(k.Service, Kpi.CompletionRate) == Shown.Value
                && kd.Period(k.Service, Kpi.CostPerTransaction) == Shown.Value)
                Row(ws, consortium, k.Period, $"consortium {k.Service}");
            if (k.YearEarlier is { } ye && Kpis.All.All(kpi => kd.Period(k.Service, kpi, yearEarlier: true) == Shown.Value))
                Row(ws, KpiRow(ws, k.Service, K.YearEarlierLabel), ye, $"consortium {k.Service} a year earlier");

            // The summary at the top: the consortium's KPI, its target and a year earlier.
            var summary = ws.Range(K.SummaryHeaderRow + 1, 1, K.HeaderRow(r) - 3, 7).Rows()
                .Where(x => x.Cell(1).GetString() == k.Service).ToList();
            Assert.Equal(Kpis.All.Count, summary.Count);
            for (var i = 0; i < Kpis.All.Count; i++)
            {
                var kpi = Kpis.All[i];
                var value = summary[i].Cell(3).Value;
                if (kd.Period(k.Service, kpi) != Shown.Value) Assert.Equal(DisclosureView.ConfidentialSymbol, value);
                else if (k.Period.Value(kpi) is not { } v) Assert.Equal("", value);
                else if (kpi == Kpi.CostPerTransaction) Pence(v, value, $"summary {k.Service} {kpi}");
                else Ratio(v, value, $"summary {k.Service} {kpi}");
                if (k.Targets?.Of(kpi) is { } t)
                {
                    Ratio(t, summary[i].Cell(4).Value, $"target {kpi}");
                    if (kd.Period(k.Service, kpi) == Shown.Value && k.Targets.Met(kpi, k.Period.Value(kpi)) is { } met)
                        Assert.Equal(met ? "met" : "not met", summary[i].Cell(5).GetString());
                }
                if (k.YearEarlier?.Value(kpi) is { } before && kd.Period(k.Service, kpi, yearEarlier: true) == Shown.Value)
                {
                    Ratio(before, summary[i].Cell(6).Value, $"year earlier {k.Service} {kpi}");
                    // The change to the penny, or to a tenth of a point: no change is 0, never a negative zero.
                    if (k.Period.Value(kpi) is { } now && kd.Period(k.Service, kpi) == Shown.Value)
                        Ratio(Math.Round(now - before, kpi == Kpi.CostPerTransaction ? 2 : 3, MidpointRounding.AwayFromZero),
                            summary[i].Cell(7).Value, $"change {k.Service} {kpi}");
                }
            }
        }
        if (scope == "sample") Assert.Equal(r.Kpis.Sum(k => r.Members.Count(m => m.Kpis.Any(x => x.Service == k.Service))), checkedRows);
    }

    [Fact]
    public void A_member_with_few_ratings_shows_less_than_10_and_the_one_beside_it_is_confidential()
    {
        var r = KpiExample.Consortium();
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(r, dir);
        var ws = wb.Worksheet(K.SheetName);
        var two = KpiRow(ws, "bins", "W06000002");
        var one = KpiRow(ws, "bins", "W06000001");
        Assert.Equal("<10", ws.Cell(two, K.RatingsCol).Value);
        Assert.Equal("[c]", ws.Cell(one, K.RatingsCol).Value);               // 25 − 20 would give Two's 5 away
        foreach (var row in new[] { one, two })
        {
            Assert.Equal("[c]", ws.Cell(row, K.SatisfiedCol).Value);
            Assert.Equal("[c]", ws.Cell(row, K.FirstKpiCol + 3).Value);     // user satisfaction
        }
        // Their transactions are not small: shown, with the KPIs over them.
        Count(300, ws.Cell(two, K.TransactionsCol), "Two's transactions");
        Ratio(1m, ws.Cell(two, K.FirstKpiCol + 1).Value, "Two's take-up");
        // The consortium's 25 ratings are shown, and its satisfaction 17/25.
        var consortium = KpiRow(ws, "bins", K.ConsortiumLabel);
        Count(25, ws.Cell(consortium, K.RatingsCol), "consortium ratings");
        Ratio(17m / 25m, ws.Cell(consortium, K.FirstKpiCol + 3).Value, "consortium satisfaction");
        // No cell of either member's row holds 5, 20 or 16 (the hidden ratings), nor Two's satisfaction 1/5.
        foreach (var row in new[] { one, two })
            for (var c = K.TransactionsCol; c < K.FirstKpiCol + Kpis.All.Count; c++)
                if (ws.Cell(row, c).Value is double d) Assert.DoesNotContain(d, new[] { 5.0, 20.0, 16.0, 0.2 });
    }

    [Fact]
    public void Withheld_members_show_only_symbols_and_never_a_raw_figure()
    {
        var r = Results.SmallMembers;
        var view = DisclosureView.Of(r);
        Assert.Equal(["W06000002", "W06000004"], view.Members.Keys.Order().ToArray());
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(r, dir);
        var kpis = wb.Worksheet(K.SheetName);
        var register = wb.Worksheet(G.SheetName);
        foreach (var code in view.Members.Keys)
        {
            var member = r.Members.Single(m => m.Scope.Id == code);
            var row = KpiRow(kpis, "bins", code);
            Assert.Equal(view.Symbol(view.Member(code)), kpis.Cell(row, K.TransactionsCol).Value);
            for (var c = K.TransactionsCol; c < K.FirstKpiCol + Kpis.All.Count; c++)
                Assert.Contains(kpis.Cell(row, c).GetString(), Symbols);
            var rows = register.RowsUsed().Where(x => x.RowNumber() > G.HeaderRow && x.Cell(1).GetString() == code).ToList();
            Assert.Equal(member.Lines.Count, rows.Count);
            foreach (var x in rows)
            {
                Assert.Equal(view.Symbol(view.Member(code)), x.Cell(G.RealisedCol).GetString());
                Assert.False(x.Cell(G.BaselineCol).Value is double, $"{code} {x.Cell(3).GetString()}: a baseline shown");
            }
        }
        Assert.Equal("<10", kpis.Cell(KpiRow(kpis, "bins", "W06000004"), K.TransactionsCol).Value);
        // Tiny's own transactions (4) and Mid's (2,400) appear nowhere on either sheet, nor any withheld figure of a line.
        var secrets = new List<double> { 2400 };
        foreach (var m in r.Members.Where(m => view.Members.ContainsKey(m.Scope.Id)))
            secrets.AddRange(BenefitsRegister.Rows(m).Where(x => x.Realised != 0m).Select(x => (double)Money.ToPence(x.Realised)));
        var allowed = r.Members.Where(m => !view.Members.ContainsKey(m.Scope.Id)).SelectMany(m => m.Lines)
            .Select(l => (double)Money.ToPence(l.Adjusted))
            .Concat(r.Lines.Select(l => (double)Money.ToPence(l.Adjusted))).ToList();
        foreach (var ws in new[] { kpis, register })
            foreach (var cell in ws.CellsUsed(c => c.Value is double))
            {
                var d = Math.Round((double)cell.Value, 2);
                Assert.False(secrets.Any(s => Math.Abs(s - d) < 0.005) && !allowed.Any(a => Math.Abs(a - d) < 0.005),
                    $"{ws.Name}!{cell.Address}: {d} is a withheld member's figure");
            }
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void The_register_sheet_has_a_row_per_member_service_and_line_and_adds_up_to_the_Members_sheet(string scope)
    {
        var r = Of(scope);
        var view = DisclosureView.Of(r);
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(r, dir);
        var ws = wb.Worksheet(G.SheetName);
        Assert.Equal(BenefitsRegister.Headers, Enumerable.Range(1, BenefitsRegister.Headers.Count).Select(c => ws.Cell(G.HeaderRow, c).GetString()));
        var expected = r.Members.SelectMany(m => BenefitsRegister.Rows(m)).ToList();
        var table = ws.Table("RegisterTable");
        Assert.Equal(expected.Count, table.DataRange.RowCount());
        foreach (var x in expected)
        {
            var row = table.DataRange.Rows().Single(t =>
                t.Cell(1).GetString() == x.Council && t.Cell(2).GetString() == x.Service && t.Cell(3).GetString() == x.Line.Title());
            Assert.Equal(x.Owner ?? "not named", row.Cell(11).GetString());
            Assert.Equal(x.Cashable ? 1.0 : 0.0, row.Cell(G.CashableCol).Value);
            if (view.Member(x.Council) != Shown.Value) continue;
            var realised = row.Cell(G.RealisedCol).Value;
            if (realised is string s) Assert.Equal(DisclosureView.ConfidentialSymbol, s);
            else Pence(x.Realised, realised, $"{x.Council} {x.Service} {x.Line} realised");
        }
        // The consortium by service and line, and each line's check against the Members sheet: zero.
        var sums = ws.RowsUsed().Where(x => x.RowNumber() > table.RangeAddress.LastAddress.RowNumber).ToList();
        foreach (var g in expected.GroupBy(x => (x.Service, x.Line)))
        {
            var row = sums.Single(x => x.Cell(1).GetString() == g.Key.Service && x.Cell(2).GetString() == g.Key.Line.Title());
            Pence(g.Sum(x => x.Realised), row.Cell(3).Value, $"consortium {g.Key.Service} {g.Key.Line}");
        }
        var checks = sums.Where(x => x.Cell(1).GetString().StartsWith("Check:", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Select(x => x.Line).Distinct().Count(), checks.Count);
        Assert.All(checks, c => Pence(0m, c.Cell(3).Value, c.Cell(1).GetString()));
        if (view.Members.Count == 0)
            Assert.True(sums.Any(x => x.Cell(3).HasFormula && x.Cell(3).FormulaA1.StartsWith("SUMIFS(", StringComparison.Ordinal)),
                "no live SUMIFS in the consortium block");
    }

    [Fact]
    public void A_consortium_report_writes_benefits_register_csv_adding_up_to_its_lines()
    {
        var r = Results.SampleNorthWales;
        using var dir = new TempDir();
        ReportWriter.WriteAll(r, dir.Path);
        var lines = File.ReadAllLines(dir.File(BenefitsRegister.CsvFile));
        Assert.Equal(string.Join(',', BenefitsRegister.Headers), lines[0]);
        var rows = BenefitsRegister.Rows(r);
        Assert.Equal(rows.Count + 1, lines.Length);
        Assert.All(rows, x => Assert.Equal(r.Scope.Id, x.Council));
        foreach (var line in r.Lines)
            Pence(line.Adjusted, rows.Where(x => x.Line == line.Line).Sum(x => x.Realised), $"register's {line.Line} against the consortium's");
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("small-members")]
    [InlineData("kpi-example")]
    public async Task LibreOffice_recalculates_the_KPIs_and_register_sheets_to_the_same_values(string scope)
    {
        var soffice = Tools.Require("soffice", "libreoffice-calc-nogui", new Output(output), "/usr/bin/soffice");
        if (soffice is null) return;
        var r = Of(scope);
        using var dir = new TempDir();
        var csv = await LibreOfficeRoundTripTests.RecalculateStrippedAsync(soffice, r, dir, output);
        using var engine = new TempDir();
        using var wb = WriteAndRecalculate(r, engine);
        var compared = 0;
        foreach (var sheet in new[] { K.SheetName, G.SheetName })
        {
            var lo = LibreOfficeRoundTripTests.Csv(Path.Combine(csv, $"stripped-{sheet}.csv"));
            var ws = wb.Worksheet(sheet);
            foreach (var cell in ws.CellsUsed(c => c.HasFormula))
            {
                var (row, col) = (cell.Address.RowNumber, cell.Address.ColumnNumber);
                var text = row <= lo.Count && col <= lo[row - 1].Count ? lo[row - 1][col - 1] : "";
                var what = $"{sheet}!{cell.Address}";
                if (cell.Value is double d)
                {
                    var v = text.EndsWith('%')
                        ? double.Parse(text[..^1], CultureInfo.InvariantCulture) / 100
                        : double.Parse(text, CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(v - d) < 1e-9 + 1e-9 * Math.Abs(d), $"{what}: LibreOffice {v}, ClosedXML {d}");
                }
                else Assert.Equal(cell.Value.ToString(), text);
                compared++;
            }
        }
        Assert.True(compared > 10, $"only {compared} formulas compared");
    }
}
