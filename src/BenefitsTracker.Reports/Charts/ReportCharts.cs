using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;
using ScottPlot;

namespace BenefitsTracker.Reports.Charts;

/// <summary>The five charts of every report (issue 5), each with its text alternative and data table.</summary>
public static class ReportCharts
{
    public static IReadOnlyList<ReportChart> Build(SavingsResult result, CancellationToken ct = default) => Build(new ReportFacts(result), ct);

    internal static IReadOnlyList<ReportChart> Build(ReportFacts facts, CancellationToken ct)
    {
        var builders = new Func<ReportFacts, ReportChart>[] { Cumulative, ChannelMix, TakeUp, OfficerMinutes, BenefitByLine };
        var charts = new List<ReportChart>(builders.Length);
        foreach (var b in builders)
        {
            ct.ThrowIfCancellationRequested();
            charts.Add(b(facts));
        }
        return charts;
    }

    private static List<Month> Months(ReportFacts f) => f.Result.Months.Select(m => m.Month).ToList();

    /// <summary>Cumulative adjusted benefit against cumulative cost, the payback month marked.</summary>
    internal static ReportChart Cumulative(ReportFacts f)
    {
        var T = f.T;
        var title = T["chart.cumulative.title"];
        var r = f.Result;
        var months = Months(f);
        var plot = ChartStyle.NewPlot(title, T["col.month"], T["chart.cumulative.y"]);
        decimal benefit = 0, cost = 0;
        var xs = new double[months.Count];
        var yb = new double[months.Count];
        var yc = new double[months.Count];
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 0; i < months.Count; i++)
        {
            var m = r.Months[i];
            benefit += m.AdjustedBenefit;
            cost += m.Costs;
            xs[i] = i;
            yb[i] = (double)benefit;
            yc[i] = (double)cost;
            rows.Add([T.MonthShort(m.Month), Fmt.Money(m.AdjustedBenefit), Fmt.Money(m.Costs), Fmt.Money(benefit), Fmt.Money(cost),
                Fmt.Money(benefit - cost)]);
        }
        var b = plot.Add.ScatterLine(xs, yb, Palette.Blue);
        b.LineWidth = 3; b.MarkerSize = 6; b.MarkerShape = MarkerShape.FilledCircle; b.LegendText = T["chart.cumulative.benefit"];
        var c = plot.Add.ScatterLine(xs, yc, Palette.Vermillion);
        c.LineWidth = 3; c.MarkerSize = 6; c.MarkerShape = MarkerShape.FilledSquare; c.LinePattern = LinePattern.Dashed;
        c.LegendText = T["chart.cumulative.cost"];
        string paybackText;
        var payback = r.Totals.PaybackMonth is { } pm && months.IndexOf(pm) is var pi and >= 0 ? pi : -1;
        if (payback >= 0)
        {
            var line = plot.Add.VerticalLine(payback, 2, Palette.Black);
            line.LinePattern = LinePattern.Dotted;
            line.LegendText = T["card.payback"];
            paybackText = T.F("chart.cumulative.alt.payback", ("month", T.MonthLong(r.Totals.PaybackMonth!.Value)));
        }
        else paybackText = T["chart.cumulative.alt.no_payback"];

        // With an appraisal horizon, the projected months go on after the observed ones, kept apart (issue 12):
        // a dashed divider, dotted thinner lines and "(projected)" in the data table.
        var projected = months.Count > 0 ? r.Appraisal?.Horizon?.ProjectedMonths ?? [] : [];
        var axisMonths = new List<Month>(months);
        var projectedText = "";
        if (projected.Count > 0)
        {
            var divider = plot.Add.VerticalLine(months.Count - 0.5, 2, Palette.Black.WithAlpha(0.5));
            divider.LinePattern = LinePattern.Dashed;
            divider.LegendText = T["chart.cumulative.divider"];
            var px = new double[projected.Count + 1];
            var pb = new double[projected.Count + 1];
            var pc = new double[projected.Count + 1];
            (px[0], pb[0], pc[0]) = (months.Count - 1, (double)benefit, (double)cost);
            decimal pBenefit = benefit, pCost = cost;
            for (var j = 0; j < projected.Count; j++)
            {
                var p = projected[j];
                pBenefit += p.AdjustedBenefit;
                pCost += p.Costs;
                (px[j + 1], pb[j + 1], pc[j + 1]) = (months.Count + j, (double)pBenefit, (double)pCost);
                axisMonths.Add(p.Month);
                rows.Add([T.MonthShort(p.Month) + " " + T["chart.cumulative.projected_suffix"], Fmt.Money(p.AdjustedBenefit), Fmt.Money(p.Costs),
                    Fmt.Money(pBenefit), Fmt.Money(pCost), Fmt.Money(pBenefit - pCost)]);
            }
            var pbl = plot.Add.ScatterLine(px, pb, Palette.Blue);
            pbl.LineWidth = 2; pbl.MarkerSize = 0; pbl.LinePattern = LinePattern.Dotted; pbl.LegendText = T["chart.cumulative.projected_benefit"];
            var pcl = plot.Add.ScatterLine(px, pc, Palette.Vermillion);
            pcl.LineWidth = 2; pcl.MarkerSize = 0; pcl.LinePattern = LinePattern.Dotted; pcl.LegendText = T["chart.cumulative.projected_cost"];
            var note = plot.Add.Text(T["chart.cumulative.projected_note"], months.Count - 0.3, Math.Max(pb[^1], pc[^1]));
            note.LabelFontSize = 14;
            note.LabelFontName = ChartFonts.Family;
            note.LabelAlignment = Alignment.UpperLeft;
            projectedText = " " + T.F("chart.cumulative.alt.projected", ("n", projected.Count), ("from", T.MonthLong(projected[0].Month)),
                ("to", T.MonthLong(projected[^1].Month)), ("benefit", Fmt.Money(pBenefit)), ("cost", Fmt.Money(pCost)));
        }
        if (payback >= 0)
        {
            // The month's label beside its line, above every point plotted (the projected ones too): drawn from the top of the
            // plot down, it crossed the benefit line where that rises steeply after payback (on a phone, "Payback: Apr 2024").
            // ChartStyle makes room above the highest point for it, in pixels, in each rendition.
            var label = plot.Add.Text(T.F("chart.cumulative.payback_label", ("month", T.MonthShort(r.Totals.PaybackMonth!.Value))), payback, 0);
            label.LabelFontSize = 14;
            label.LabelFontName = ChartFonts.Family;
            label.LabelBold = true;
            var highest = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>()
                .SelectMany(sc => sc.Data.GetScatterPoints().Select(p => p.Y)).DefaultIfEmpty(0).Max();
            ChartStyle.LabelAboveData(plot, label, payback, highest);
        }
        ChartStyle.MonthAxis(plot, axisMonths, T);
        ChartStyle.MoneyAxis(plot.Axes.Left);
        ChartStyle.Legend(plot, Alignment.UpperLeft);
        plot.ShowLegend(Edge.Bottom);
        var alt = months.Count == 0 ? T["chart.no_months"] :
            T.F("chart.cumulative.alt", ("benefit", Fmt.Money(benefit)), ("month", T.MonthLong(months[^1])), ("cost", Fmt.Money(cost))) + " " +
                paybackText + projectedText;
        return ChartStyle.Render(plot, "cumulative", title, alt,
            [T["col.month"], T["col.adjusted_benefit"], T["chart.col.cost"], T["chart.col.cumulative_benefit"], T["chart.col.cumulative_cost"],
                T["chart.col.cumulative_net"]], rows);
    }

    /// <summary>Completed transactions by channel each month, stacked.</summary>
    internal static ReportChart ChannelMix(ReportFacts f)
    {
        var T = f.T;
        var title = T["chart.mix.title"];
        var months = Months(f);
        var channels = f.ChannelsInPeriod;
        var plot = ChartStyle.NewPlot(title, T["col.month"], T["col.transactions"]);
        var bars = new List<Bar>();
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 0; i < months.Count; i++)
        {
            var m = f.Result.Months[i];
            double bottom = 0;
            var row = new List<string> { T.MonthShort(m.Month) };
            var hidden = f.HiddenChannels(i);
            for (var k = 0; k < channels.Count; k++)
            {
                var v = m.ByChannel.GetValueOrDefault(channels[k]);
                var isHidden = hidden.ContainsKey(channels[k]);
                row.Add(f.ChannelText(i, channels[k]));
                if (isHidden) continue;
                bars.Add(new Bar { Position = i, ValueBase = bottom, Value = bottom + v, FillColor = Palette.ForIndex(k),
                    LineWidth = 0, Size = 0.8 });
                bottom += v;
            }
            row.Add(f.CountText(m.Transactions));
            rows.Add(row);
        }
        if (bars.Count > 0) plot.Add.Bars(bars);
        for (var k = 0; k < channels.Count; k++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = T.Channel(channels[k]), FillColor = Palette.ForIndex(k) });
        ChartStyle.MonthAxis(plot, months, T);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Fmt.Count((long)v) };
        plot.Axes.Margins(bottom: 0);
        ChartStyle.Legend(plot, Alignment.UpperLeft);
        plot.ShowLegend(Edge.Right);
        var alt = T["chart.mix.alt"] + " " + (months.Count == 0 ? "" :
            $"{T.MonthLong(months[0])}: {Mix(f, 0)}. {T.MonthLong(months[^1])}: {Mix(f, months.Count - 1)}.");
        return ChartStyle.Render(plot, "channel-mix", title, alt,
            [T["col.month"], .. channels.Select(T.Channel), T["chart.col.all_channels"]], rows);
    }

    private static string Mix(ReportFacts f, int i)
    {
        var m = f.Result.Months[i];
        var parts = f.ChannelsInPeriod.Select(ch => $"{f.T.ChannelLower(ch)} {f.ChannelText(i, ch)}").ToList();
        return parts.Count == 0 ? f.T["chart.mix.none"] : string.Join(", ", parts);
    }

    /// <summary>Digital take-up each month, as a percentage of all transactions.</summary>
    internal static ReportChart TakeUp(ReportFacts f)
    {
        var T = f.T;
        var title = T["col.take_up"];
        var months = Months(f);
        var plot = ChartStyle.NewPlot(title, T["col.month"], T["chart.takeup.y"]);
        var xs = new List<double>();
        var ys = new List<double>();
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 0; i < months.Count; i++)
        {
            var m = f.Result.Months[i];
            var t = f.TakeUp(i);
            if (t is { } v) { xs.Add(i); ys.Add((double)(v * 100m)); }
            rows.Add([T.MonthShort(m.Month), f.DigitalText(i), f.CountText(m.Transactions),
                t is { } p ? Fmt.Percent(p) : f.DigitalWithheld(i) ? ReportFacts.Confidential : "-"]);
        }
        if (xs.Count > 0)
        {
            var s = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), Palette.Green);
            s.LineWidth = 3; s.MarkerSize = 7; s.MarkerShape = MarkerShape.FilledCircle; s.LegendText = T["col.take_up"];
        }
        ChartStyle.MonthAxis(plot, months, T);
        ChartStyle.PercentAxis(plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 100);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var first = ys.Count > 0
            ? T.F("chart.takeup.alt.range", ("first", ys[0].ToString("0.0", inv) + "%"), ("first_month", T.MonthLong(months[(int)xs[0]])),
                ("last", ys[^1].ToString("0.0", inv) + "%"), ("last_month", T.MonthLong(months[(int)xs[^1]])))
            : T["chart.takeup.alt.none"];
        var overall = f.Result.Totals.DigitalTakeUp is { } all && !f.IsSuppressed(f.Result.Totals.Transactions)
            ? "; " + T.F("chart.takeup.alt.overall", ("percent", Fmt.Percent(all))) : "";
        var alt = T.F("chart.takeup.alt", ("range", first + overall));
        return ChartStyle.Render(plot, "digital-take-up", title, alt,
            [T["col.month"], T["chart.col.digital_transactions"], T["chart.col.all_transactions"], T["col.take_up"]], rows);
    }

    /// <summary>Officer minutes per closed case each month against the baseline mean M_B.</summary>
    internal static ReportChart OfficerMinutes(ReportFacts f)
    {
        var T = f.T;
        var title = T["chart.officer.title"];
        var months = Months(f);
        var plot = ChartStyle.NewPlot(title, T["col.month"], T["chart.officer.y"]);
        var xs = new List<double>();
        var ys = new List<double>();
        var rows = new List<IReadOnlyList<string>>();
        var baseline = f.BaselineMinutesShown;
        for (var i = 0; i < months.Count; i++)
        {
            var m = f.Result.Months[i];
            var mpc = f.MinutesPerCase(i);
            if (mpc is { } v) { xs.Add(i); ys.Add((double)v); }
            rows.Add([T.MonthShort(m.Month), f.CountText(m.ClosedCases), f.OfficerMinutesText(i),
                mpc is { } p ? Fmt.Number(p, 1) : "-", baseline is { } b ? Fmt.Number(b, 1) : "-"]);
        }
        if (baseline is { } bl)
        {
            var h = plot.Add.HorizontalLine((double)bl, 3, Palette.Orange);
            h.LinePattern = LinePattern.Dashed;
            h.LegendText = T.F("chart.officer.baseline", ("minutes", Fmt.Number(bl, 1)));
        }
        if (xs.Count > 0)
        {
            var s = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), Palette.Blue);
            s.LineWidth = 3; s.MarkerSize = 7; s.MarkerShape = MarkerShape.FilledCircle; s.LegendText = T["chart.officer.period"];
        }
        if (xs.Count == 0 && baseline is null) ChartStyle.EmptyNote(plot, T["chart.officer.empty"]);
        else
        {
            ChartStyle.MonthAxis(plot, months, T);
            var top = Math.Max(ys.DefaultIfEmpty(0).Max(), (double)(baseline ?? 0));
            plot.Axes.SetLimitsY(0, top * 1.2 + 1);
            ChartStyle.Legend(plot, Alignment.LowerRight);
        }
        var periodMean = f.Result.Totals.ClosedCases > 0 && !f.IsSuppressed(f.Result.Totals.ClosedCases)
            ? f.Result.Months.Sum(m => m.OfficerMinutes) / f.Result.Totals.ClosedCases : (decimal?)null;
        var alt = T["chart.officer.alt"] +
            (baseline is { } b2 ? T.F("chart.officer.alt.baseline", ("minutes", Fmt.Number(b2, 1)))
                : T[f.BaselineMinutesPerCase is not null ? "chart.officer.alt.baseline_withheld" : "chart.officer.alt.no_baseline"]) +
            (periodMean is { } pmn ? T.F("chart.officer.alt.mean", ("minutes", Fmt.Number(pmn, 1)))
                : T[f.Result.Totals.ClosedCases > 0 ? "chart.officer.alt.mean_withheld" : "chart.officer.alt.no_cases"]);
        return ChartStyle.Render(plot, "officer-minutes", title, alt,
            [T["col.month"], T["chart.col.closed_cases"], T["chart.col.officer_minutes"], T["chart.col.minutes_per_case"],
                T["chart.col.baseline_minutes"]], rows);
    }

    /// <summary>Each benefit line's adjusted figure over the period, as horizontal bars.</summary>
    internal static ReportChart BenefitByLine(ReportFacts f)
    {
        var T = f.T;
        var title = T["chart.lines.title"];
        var lines = f.Result.Lines.Where(l => l.Enabled).ToList();
        var plot = ChartStyle.NewPlot(title, T["chart.lines.x"], "");
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < lines.Count; i++)
        {
            var pos = lines.Count - 1 - i;
            var v = (double)lines[i].Adjusted;
            bars.Add(new Bar
            {
                Position = pos, Value = v, FillColor = Palette.ForIndex(i), LineWidth = 0, Size = 0.7,
                Orientation = Orientation.Horizontal, Label = Fmt.Money(lines[i].Adjusted),
            });
            ticks.AddMajor(pos, Short(lines[i].Line, T));
        }
        if (bars.Count > 0)
        {
            var bp = plot.Add.Bars(bars);
            bp.ValueLabelStyle.FontSize = 14;
            bp.ValueLabelStyle.FontName = ChartFonts.Family;
            plot.Axes.Left.TickGenerator = ticks;
            ChartStyle.MoneyAxis(plot.Axes.Bottom);
            var max = Math.Max(0, bars.Max(x => x.Value));
            var min = Math.Min(0, bars.Min(x => x.Value));
            // Room beyond each end for the value labels, negative ones included.
            var span = Math.Max(max - min, 1);
            plot.Axes.SetLimitsX(min - span * (min < 0 ? 0.2 : 0.05), max + span * 0.25);
            plot.Axes.SetLimitsY(-0.6, lines.Count - 0.4);
        }
        else ChartStyle.EmptyNote(plot, T["chart.lines.empty"]);
        var rows = f.Result.Lines.Select(l =>
            (IReadOnlyList<string>)[T.Line(l.Line), T.YesNo(l.Enabled), Fmt.Money(l.Gross), Fmt.Money(l.Adjusted), T.YesNo(l.Cashable)]).ToList();
        var alt = T["chart.lines.alt"] + " " +
            (lines.Count == 0 ? T["chart.lines.alt.none"] : string.Join("; ", lines.Select(l => $"{T.Line(l.Line)} {Fmt.Money(l.Adjusted)}")) + ".");
        return ChartStyle.Render(plot, "benefit-by-line", title, alt,
            [T["col.benefit_line"], T["col.counted"], T["col.gross"], T["col.adjusted"], T["col.cashable"]], rows);
    }

    private static string Short(BenefitLine line, ReportText T) => line switch
    {
        BenefitLine.AvoidableContact => T["chart.lines.avoidable_short"],
        _ => T.Line(line),
    };
}
