using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;
using ScottPlot;

namespace BenefitsTracker.Reports.Charts;

/// <summary>
/// A consortium's members side by side (issue 13): each shown member's adjusted benefit and cost per 1,000
/// residents, the consortium medians marked. Withheld members are not drawn (the table says so); a council's
/// report has no such chart.
/// </summary>
public static class MemberCharts
{
    public const string Stem = "members";

    public static IReadOnlyList<ReportChart> Build(SavingsResult result, ReportText? text = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Comparison is { } c ? [Chart(c, text ?? ReportText.En)] : [];
    }

    internal static ReportChart Chart(ConsortiumComparison c, ReportText T)
    {
        var title = T["chart.members.title"];
        var plot = ChartStyle.NewPlot(title, T["chart.members.x"], "");
        var drawn = c.Members.Where(m => m.AdjustedBenefitPer1000Residents is not null && m.CostPer1000Residents is not null).ToList();
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < drawn.Count; i++)
        {
            var m = drawn[i];
            var centre = (drawn.Count - 1 - i) * 2.5;
            bars.Add(new Bar
            {
                Position = centre + 0.45, Value = (double)m.AdjustedBenefitPer1000Residents!.Value, FillColor = Palette.Blue,
                    LineWidth = 0, Size = 0.85,
                Orientation = Orientation.Horizontal, Label = Fmt.Money(m.AdjustedBenefitPer1000Residents.Value),
            });
            bars.Add(new Bar
            {
                Position = centre - 0.45, Value = (double)m.CostPer1000Residents!.Value, FillColor = Palette.Vermillion, LineWidth = 0, Size = 0.85,
                Orientation = Orientation.Horizontal, Label = Fmt.Money(m.CostPer1000Residents.Value),
            });
            ticks.AddMajor(centre, m.Name);
        }
        if (bars.Count > 0)
        {
            var bp = plot.Add.Bars(bars);
            bp.ValueLabelStyle.FontSize = 14;
            bp.ValueLabelStyle.FontName = ChartFonts.Family;
            plot.Axes.Left.TickGenerator = ticks;
            plot.Axes.Left.TickLabelStyle.FontSize = 15;
            ChartStyle.MoneyAxis(plot.Axes.Bottom);
            var max = Math.Max(0, bars.Max(b => b.Value));
            var min = Math.Min(0, bars.Min(b => b.Value));
            var span = Math.Max(max - min, 1);
            plot.Axes.SetLimitsX(min - span * (min < 0 ? 0.2 : 0.02), max + span * 0.3);
            plot.Axes.SetLimitsY(-1.2, (drawn.Count - 1) * 2.5 + 1.2);
            if (c.Median.AdjustedBenefitPer1000Residents is { } mb)
            {
                var line = plot.Add.VerticalLine((double)mb, 2, Palette.Blue);
                line.LinePattern = LinePattern.Dashed;
                line.LegendText = T.F("chart.members.median_benefit", ("money", Fmt.Money(mb)));
            }
            if (c.Median.CostPer1000Residents is { } mc)
            {
                var line = plot.Add.VerticalLine((double)mc, 2, Palette.Vermillion);
                line.LinePattern = LinePattern.Dotted;
                line.LegendText = T.F("chart.members.median_cost", ("money", Fmt.Money(mc)));
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = T["col.benefit_per_1000"], FillColor = Palette.Blue });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = T["col.cost_per_1000"], FillColor = Palette.Vermillion });
            ChartStyle.Legend(plot, Alignment.LowerRight);
            plot.ShowLegend(Edge.Bottom);
        }
        else ChartStyle.EmptyNote(plot, T["chart.members.empty"]);

        var rows = c.Members.Select(m => (IReadOnlyList<string>)[
            m.Name,
            Money(m.AdjustedBenefitPer1000Residents, m.Suppressed, T),
            Money(m.CostPer1000Residents, m.Suppressed, T),
            Money(m.AdjustedBenefitPer1000Residents - m.CostPer1000Residents, m.Suppressed, T)]).ToList();
        var withheld = c.Members.Count(m => m.Suppressed);
        var alt = T["chart.members.alt.lead"] + " " +
            (drawn.Count == 0 ? T["chart.members.alt.none"] :
                string.Join("; ", drawn.Select(m =>
                    T.F("chart.members.alt.member", ("name", m.Name), ("benefit", Fmt.Money(m.AdjustedBenefitPer1000Residents!.Value)),
                    ("cost", Fmt.Money(m.CostPer1000Residents!.Value))))) + ".") +
            (withheld > 0 ? " " + T.F("chart.members.alt.withheld", ("n", Fmt.Count(withheld))) : "") +
            (c.Median.AdjustedBenefitPer1000Residents is { } b && c.Median.CostPer1000Residents is { } k
                ? " " + T.F("chart.members.alt.medians", ("benefit", Fmt.Money(b)), ("cost", Fmt.Money(k))) : "");
        return ChartStyle.Render(plot, Stem, title, alt,
            [T["col.council"], T["col.benefit_per_1000"], T["col.cost_per_1000"], T["chart.members.col.net"]], rows);
    }

    private static string Money(decimal? v, bool suppressed, ReportText T) =>
        v is { } x ? Fmt.Money(x) : suppressed ? ReportFacts.Confidential : T["common.na"];
}
