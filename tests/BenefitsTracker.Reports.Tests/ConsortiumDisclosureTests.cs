using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// METHOD.md, Consortia: a consortium's outputs are shared beyond one council, so no count below the
/// threshold, and no figure derived from one, may appear in its workbook or its page; the members the
/// comparison withholds appear only combined, and the totals still add up.
/// </summary>
public sealed partial class ConsortiumDisclosureTests
{
    private const string Tiny = "W06000004", Mid = "W06000002", Big = "W06000001";
    private static SavingsResult R => Results.SmallMembers;
    private static int Threshold => R.Assumptions.SuppressionThreshold;

    [Fact]
    public void The_example_has_what_the_tests_need()
    {
        var withheld = R.Comparison!.Members.Where(m => m.Suppressed).Select(m => m.Code).Order().ToArray();
        Assert.Equal([Mid, Tiny], withheld);
        Assert.Equal(4, R.Members.Single(m => m.Scope.Id == Tiny).Totals.Transactions);
        Assert.All(R.Months, m => Assert.Equal(["phone", "post"], Suppression.HiddenCells(m.ByChannel, Threshold).Order().ToArray()));
        Assert.True(R.Totals.Costs > 0);
    }

    /// <summary>A figure that must not appear, and what it is (for the failure message).</summary>
    private sealed record Secret(double Value, string What, bool Count);

    /// <summary>
    /// The withheld members' own counts and figures, and the hidden channel cells, less any value that
    /// may be shown anyway (a shown member's or the consortium's figure that happens to be equal). Counts
    /// below 10 are checked where they would appear instead (month numbers are small integers too).
    /// </summary>
    private static List<Secret> Secrets()
    {
        var secrets = new List<Secret>();
        void Count(long n, string what) { if (n >= 10) secrets.Add(new(n, what, true)); }
        void Money(decimal v, string what) { if (v != 0) secrets.Add(new((double)Core.Domain.Money.ToPence(v), what, false)); }
        foreach (var m in R.Members.Where(m => m.Scope.Id is Tiny or Mid))
        {
            var who = m.Scope.Name;
            var t = m.Totals;
            Count(t.Transactions, $"{who} transactions");
            Count(t.DigitalTransactions, $"{who} digital transactions");
            Count(t.ClosedCases, $"{who} closed cases");
            foreach (var (v, what) in new[] { (t.GrossBenefit, "gross"), (t.AdjustedBenefit, "adjusted"), (t.Cashable, "cashable"),
                (t.NonCashable, "non-cashable"),
                         (t.Costs, "costs"), (t.NetBenefit, "net"), (t.Npv, "NPV"), (t.OfficerHoursReleased, "hours") })
                Money(v, $"{who} {what}");
            foreach (var l in m.Lines) { Money(l.Gross, $"{who} {l.Line} gross"); Money(l.Adjusted, $"{who} {l.Line} adjusted"); }
            foreach (var mo in m.Months) { Money(mo.AdjustedBenefit, $"{who} {mo.Month} adjusted"); Money(mo.Costs, $"{who} {mo.Month} costs"); }
            if (t.DigitalTakeUp is { } tu && tu is > 0m and < 1m) secrets.Add(new((double)Math.Round(tu * 100m, 1), $"{who} take-up %", false));
            if (t.CostPerTransaction is { } cpt) Money(cpt, $"{who} cost per transaction");
        }
        foreach (var m in R.Months)
            foreach (var ch in Suppression.HiddenCells(m.ByChannel, Threshold))
                Count(m.ByChannel[ch], $"{m.Month} {ch} (hidden)");

        // Values that may be shown: a shown member's and the consortium's own figures.
        var allowed = new List<double>();
        foreach (var s in new[] { R, R.Members.Single(m => m.Scope.Id == Big) })
        {
            var t = s.Totals;
            allowed.AddRange(new[] { t.Transactions, t.DigitalTransactions, t.ClosedCases }.Select(x => (double)x));
            allowed.AddRange(
                new[] { t.GrossBenefit, t.AdjustedBenefit, t.Cashable, t.NonCashable, t.Costs, t.NetBenefit, t.Npv, t.OfficerHoursReleased }
                .Select(x => (double)Core.Domain.Money.ToPence(x)));
            foreach (var mo in s.Months)
                allowed.AddRange(
                    new[] { mo.AdjustedBenefit, mo.Costs, mo.GrossBenefit, mo.Cashable }.Select(x => (double)Core.Domain.Money.ToPence(x)));
        }
        return secrets.Where(x => !allowed.Any(a => Math.Abs(a - x.Value) < 0.005)).ToList();
    }

    private static Secret? Match(List<Secret> secrets, double value) =>
        secrets.FirstOrDefault(x => x.Count ? value == x.Value : Math.Abs(value - x.Value) < 0.005);

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")]
    private static partial Regex Number();

    private static IEnumerable<double> NumbersIn(string text) =>
        Number().Matches(text).Select(m => double.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));

    [Fact]
    public void No_cell_of_the_consortium_workbook_discloses_a_withheld_member_or_a_hidden_count()
    {
        var secrets = Secrets();
        Assert.True(secrets.Count > 20, $"only {secrets.Count} figures to look for");
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(R, dir);
        var found = new List<string>();
        int lessThan = 0, confidential = 0;
        foreach (var ws in wb.Worksheets)
            foreach (var cell in ws.CellsUsed())
            {
                var value = cell.Value;
                if (value is double d && Match(secrets, d) is { } hit) found.Add($"{ws.Name}!{cell.Address}: {d} is {hit.What}");
                if (value is string s)
                {
                    if (s == $"<{Threshold}") lessThan++;
                    if (s == "[c]") confidential++;
                    foreach (var n in NumbersIn(s))
                        if (Match(secrets, n) is { } textHit) found.Add($"{ws.Name}!{cell.Address}: \"{s}\" holds {textHit.What}");
                }
            }
        Assert.True(found.Count == 0, string.Join("\n", found));
        // Each month's post (5) is "<10"; phone (300), hidden beside it, is "[c]".
        Assert.True(lessThan >= R.Months.Count, $"only {lessThan} cells show <{Threshold}");
        Assert.True(confidential >= R.Months.Count, $"only {confidential} cells show [c]");

        // Small counts (which the scan above cannot tell from month numbers) are nowhere a count is shown.
        foreach (var (sheet, header) in new[] { ("Members", "Transactions"), ("Members", "Digital transactions"), ("Monthly", "Transactions") })
            AssertNoSmallCount(wb.Worksheet(sheet), header, sheet == "Members" ? 3 : 1);
        var monthly = wb.Worksheet("Monthly");
        foreach (var h in monthly.Row(1).CellsUsed().Where(c => c.GetString().StartsWith("Transactions: ", StringComparison.Ordinal)))
            AssertNoSmallCount(monthly, h.GetString(), 1);
        Assert.Equal($"<{Threshold}", ColumnCells(monthly, "Transactions: Post", 1).First().GetString());
        Assert.Equal("[c]", ColumnCells(monthly, "Transactions: Phone", 1).First().GetString());
    }

    private static IEnumerable<IXLCell> ColumnCells(IXLWorksheet ws, string header, int headerRow)
    {
        var h = ws.Row(headerRow).CellsUsed().Single(c => c.GetString() == header);
        return ws.Column(h.Address.ColumnNumber).CellsUsed().Where(c => c.Address.RowNumber > headerRow);
    }

    private static void AssertNoSmallCount(IXLWorksheet ws, string header, int headerRow)
    {
        foreach (var c in ColumnCells(ws, header, headerRow))
            if (c.Value is double d) Assert.False(Suppression.Hides((long)d, Threshold), $"{ws.Name}!{c.Address} ({header}) shows {d}");
    }

    [Fact]
    public void The_consortium_workbook_combines_the_withheld_members_and_still_adds_up()
    {
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(R, dir);
        Headlines(wb, R);
        var ws = wb.Worksheet("Members");
        var rows = ws.Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(Big, rows);
        Assert.DoesNotContain(Mid, rows);
        Assert.DoesNotContain(Tiny, rows);
        var withheld = ws.Column(2).CellsUsed()
            .Single(c => c.GetString().StartsWith("Withheld members (2 councils combined)", StringComparison.Ordinal));
        var both = R.Members.Where(m => m.Scope.Id is Mid or Tiny).ToList();
        IXLCell Combined(string header) => ColumnCells(ws, header, 3).Single(c => c.Address.RowNumber == withheld.Address.RowNumber);
        IXLCell Total(string header) => ColumnCells(ws, header, 3).Single(c => c.Address.RowNumber == withheld.Address.RowNumber + 1);
        Pence(both.Sum(m => m.Totals.Costs), Combined("Digital service costs").Value, "withheld members' costs");
        var channelShift = "Gross: " + Core.Domain.BenefitLine.ChannelShift.Title();
        Pence(both.Sum(m => m.Lines.Single(l => l.Line == Core.Domain.BenefitLine.ChannelShift).Gross), Combined(channelShift).Value,
            "withheld members' channel shift");
        Assert.Equal(both.Sum(m => m.Totals.Transactions), Convert.ToInt64(Combined("Transactions").Value, CultureInfo.InvariantCulture));
        // Officer time comes from both withheld members (the rule withholds members so that no figure has a
        // lone withheld contributor), so the combined row shows it, and the row's sums.
        Pence(both.Sum(m => m.Lines.Single(l => l.Line == Core.Domain.BenefitLine.OfficerTime).Gross),
            Combined("Gross: " + Core.Domain.BenefitLine.OfficerTime.Title()).Value, "withheld members' officer time");
        Pence(both.Sum(m => m.Totals.AdjustedBenefit), Combined("Adjusted benefit").Value, "withheld members' adjusted benefit");
        // The totals are the consortium's all the same.
        Pence(R.Totals.AdjustedBenefit, Total("Adjusted benefit").Value, "Members total adjusted");
        Pence(R.Totals.OfficerHoursReleased, Total("Officer hours released").Value, "Members total hours");
        Pence(R.Totals.Costs, Total("Digital service costs").Value, "Members total costs");

        // The month-by-month route agrees with the member-by-member one, and the appraisal is live.
        var appraisal = wb.Worksheet("Appraisal");
        for (var t = 0; t < R.Months.Count; t++)
        {
            Assert.True(appraisal.Cell(t + 2, 8).HasFormula);
            Pence(R.Months[t].CumulativeNet, appraisal.Cell(t + 2, 8).Value, $"{R.Months[t].Month} cumulative net");
        }
        var checks = wb.Worksheet("Summary").Column(1).CellsUsed().Where(c => c.GetString().StartsWith("Check:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, checks.Count);
        foreach (var c in checks) Pence(0m, c.CellRight().Value, c.GetString());
    }

    [Fact]
    public void No_text_of_the_consortium_page_discloses_a_withheld_member_or_a_hidden_count()
    {
        var secrets = Secrets();
        using var dir = new TempDir();
        ReportWriter.WriteAll(R, dir.Path);
        var html = File.ReadAllText(dir.File("report.html"));
        // The charts' data are in the page as tables, their descriptions as captions; their drawn text is
        // axis ticks, checked below for money only (a tick such as 300 is a scale, not a count).
        var text = WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<svg.*?</svg>", " ", RegexOptions.Singleline), "<[^>]+>", " "));
        var found = NumbersIn(text).Select(n => Match(secrets, n)).OfType<Secret>().Select(s => s.What).Distinct().ToList();
        if (Environment.GetEnvironmentVariable("BT_DUMP_HTML") is { Length: > 0 } dump) File.WriteAllText(dump, text);
        Assert.True(found.Count == 0, "the page shows: " + string.Join(", ", found));
        Assert.Contains($"<{Threshold}", text, StringComparison.Ordinal);
        // The small member is "<10", the one hidden beside it "[c]", and the page says what both mean.
        Assert.Contains("[c]", text, StringComparison.Ordinal);
        Assert.Contains("is shown as [c] (confidential)", text, StringComparison.Ordinal);
        // Its headline figures are the consortium's.
        Assert.Contains(Fmt.Money(R.Totals.AdjustedBenefit), text, StringComparison.Ordinal);
        Assert.Contains(Fmt.Count(R.Totals.Transactions), text, StringComparison.Ordinal);
        // And so are the charts' files.
        foreach (var svg in Directory.GetFiles(Path.Combine(dir.Path, "charts"), "*.svg"))
        {
            var chartText = WebUtility.HtmlDecode(Regex.Replace(File.ReadAllText(svg), "<[^>]+>", " "));
            var inChart = NumbersIn(chartText).Select(n => Match(secrets.Where(x => x.Value != Math.Round(x.Value)).ToList(), n))
                .OfType<Secret>().Select(s => s.What).Distinct().ToList();
            Assert.True(inChart.Count == 0, $"{Path.GetFileName(svg)} shows: " + string.Join(", ", inChart));
        }
    }
}
