using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
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

    public static IReadOnlyList<ReportChart> Build(SavingsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Comparison is { } c ? [Chart(c)] : [];
    }

    internal static ReportChart Chart(ConsortiumComparison c)
    {
        const string title = "Members side by side: benefit and cost per 1,000 residents";
        var plot = ChartStyle.NewPlot(title, "Pounds (£) per 1,000 residents over the period", "");
        var drawn = c.Members.Where(m => m.AdjustedBenefitPer1000Residents is not null && m.CostPer1000Residents is not null).ToList();
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < drawn.Count; i++)
        {
            var m = drawn[i];
            var centre = (drawn.Count - 1 - i) * 2.5;
            bars.Add(new Bar
            {
                Position = centre + 0.45, Value = (double)m.AdjustedBenefitPer1000Residents!.Value, FillColor = Palette.Blue, LineWidth = 0, Size = 0.85,
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
                line.LegendText = $"Median benefit ({Fmt.Money(mb)})";
            }
            if (c.Median.CostPer1000Residents is { } mc)
            {
                var line = plot.Add.VerticalLine((double)mc, 2, Palette.Vermillion);
                line.LinePattern = LinePattern.Dotted;
                line.LegendText = $"Median cost ({Fmt.Money(mc)})";
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Adjusted benefit per 1,000 residents", FillColor = Palette.Blue });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Cost per 1,000 residents", FillColor = Palette.Vermillion });
            ChartStyle.Legend(plot, Alignment.LowerRight);
            plot.ShowLegend(Edge.Bottom);
        }
        else ChartStyle.EmptyNote(plot, "No member can be shown");

        var rows = c.Members.Select(m => (IReadOnlyList<string>)[
            m.Name,
            Money(m.AdjustedBenefitPer1000Residents, m.Suppressed),
            Money(m.CostPer1000Residents, m.Suppressed),
            Money(m.AdjustedBenefitPer1000Residents - m.CostPer1000Residents, m.Suppressed)]).ToList();
        var withheld = c.Members.Count(m => m.Suppressed);
        var alt = "Bar chart of each member council's adjusted benefit and cost per 1,000 residents over the period: " +
            (drawn.Count == 0 ? "no member can be shown." :
                string.Join("; ", drawn.Select(m => $"{m.Name} {Fmt.Money(m.AdjustedBenefitPer1000Residents!.Value)} benefit and {Fmt.Money(m.CostPer1000Residents!.Value)} cost")) + ".") +
            (withheld > 0 ? $" Withheld members ({Fmt.Count(withheld)}) are not drawn." : "") +
            (c.Median.AdjustedBenefitPer1000Residents is { } b && c.Median.CostPer1000Residents is { } k ? $" Medians: {Fmt.Money(b)} benefit, {Fmt.Money(k)} cost." : "");
        return ChartStyle.Render(plot, Stem, title, alt,
            ["Council", "Adjusted benefit per 1,000 residents", "Cost per 1,000 residents", "Net benefit per 1,000 residents"], rows);
    }

    private static string Money(decimal? v, bool suppressed) => v is { } x ? Fmt.Money(x) : suppressed ? ReportFacts.Confidential : "n/a";
}
