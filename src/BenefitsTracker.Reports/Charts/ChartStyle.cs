using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace BenefitsTracker.Reports.Charts;

/// <summary>The look every chart shares: the embedded sans font, readable sizes, months as "MMM yyyy", money in £.</summary>
internal static class ChartStyle
{
    public const int Width = 960, Height = 540;

    /// <summary>
    /// The phone rendition (issue 13): drawn at about a phone's width, so that its text, the same sizes in pixels as
    /// the wide one's, stays legible at 390 px (the wide chart shrinks there to labels about 4 px high). No title (the
    /// figure's caption gives it) and at most <see cref="NarrowMonthLabels"/> month labels.
    /// </summary>
    public const int NarrowWidth = 400, NarrowHeight = 420, NarrowMonthLabels = 4;

    /// <summary>The months each plot's axis was given, so that the phone rendition can label fewer of them.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Plot, AxisInfo> AxisMonths = [];

    private sealed record AxisInfo(IReadOnlyList<Month> Months, ReportText Text);

    /// <summary>Labels each plot keeps above its data (<see cref="LabelAboveData"/>).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Plot, AboveInfo> Above = [];

    private sealed record AboveInfo(ScottPlot.Plottables.Text Label, double X, double Highest);

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        ChartFonts.Register();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(title, 22);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(xLabel, 16);
        plot.YLabel(yLabel, 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Color(Color.FromHex("#222222"));
        plot.Grid.MajorLineColor = Color.FromHex("#DDDDDD");
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        return plot;
    }

    /// <summary>Month positions 0..n-1 on the x axis, labelled "Jan 2024", at most about eight labels.</summary>
    public static void MonthAxis(Plot plot, IReadOnlyList<Month> months, ReportText? text = null) =>
        MonthAxis(plot, months, 8, text ?? ReportText.En);

    private static void MonthAxis(Plot plot, IReadOnlyList<Month> months, int labels, ReportText text)
    {
        AxisMonths.AddOrUpdate(plot, new AxisInfo(months, text));
        var step = Math.Max(1, (int)Math.Ceiling(months.Count / (double)labels));
        var ticks = new NumericManual();
        for (var i = 0; i < months.Count; i += step) ticks.AddMajor(i, text.MonthShort(months[i]));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.7, Math.Max(months.Count - 0.3, 0.7));
    }

    public static void MoneyAxis(IAxis axis) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = v => Fmt.MoneyWhole(v) };

    public static void PercentAxis(IAxis axis) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = v => (Math.Round(v) < 0 ? Fmt.Minus : "") + Math.Abs(Math.Round(v))
            .ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%" };

    public static void Legend(Plot plot, Alignment where)
    {
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = where;
        plot.Legend.FontSize = 14;
        plot.Legend.FontName = ChartFonts.Family;
    }

    /// <summary>A note in the middle of an empty chart, so that it still says something.</summary>
    public static void EmptyNote(Plot plot, string text)
    {
        var t = plot.Add.Text(text, 0, 0);
        t.LabelFontSize = 18;
        t.LabelFontName = ChartFonts.Family;
        t.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
    }

    /// <summary>
    /// A label beside a vertical line at <paramref name="x"/> (the payback month's), kept above every plotted point
    /// (<paramref name="highest"/>, the largest y plotted) so that it crosses no data: each rendition makes room for it
    /// above the highest point, in pixels, and puts it right of the line, or left where the right has no room.
    /// </summary>
    public static void LabelAboveData(Plot plot, ScottPlot.Plottables.Text label, double x, double highest) =>
        Above.AddOrUpdate(plot, new AboveInfo(label, x, highest));

    /// <summary>
    /// Places the plot's <see cref="LabelAboveData"/> label for a rendition of this size: its foot
    /// <see cref="AboveGap"/> px above the highest point, its head at least 4 px below the plot's top (the y limit raised
    /// until it is), 5 px beside the line.
    /// </summary>
    private static void PlaceAboveData(Plot plot, int width, int height)
    {
        if (!Above.TryGetValue(plot, out var a)) return;
        var label = a.Label;
        using var paint = Paint.NewDisposablePaint();
        var size = label.LabelStyle.Measure(paint);
        label.Location = new Coordinates(a.X, a.Highest);
        label.OffsetY = -AboveGap;
        for (var round = 0; round < 10; round++)
        {
            plot.RenderInMemory(width, height);
            var rect = plot.LastRender.DataRect;
            var lim = plot.Axes.GetLimits();
            var x = rect.Left + (a.X - lim.Left) * rect.Width / (lim.Right - lim.Left);
            var right = x + 5 + size.Width <= rect.Right - 4 || rect.Right - x >= x - rect.Left;
            (label.LabelAlignment, label.OffsetX) = right ? (Alignment.LowerLeft, 5f) : (Alignment.LowerRight, -5f);
            var perUnit = rect.Height / (lim.Top - lim.Bottom);
            var room = (lim.Top - a.Highest) * perUnit;
            var need = AboveGap + size.Height + 4;
            if (room >= need) return;
            plot.Axes.SetLimitsY(lim.Bottom, lim.Top + (need - room) / perUnit * 1.1);
        }
    }

    /// <summary>Pixels between the highest point plotted and a label above it (a marker's radius and some air).</summary>
    private const float AboveGap = 7;

    public static ReportChart Render(Plot plot, string stem, string title, string alt, IReadOnlyList<string> headers,
        IReadOnlyList<IReadOnlyList<string>> rows)
    {
        PlaceAboveData(plot, Width, Height);
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        var svg = SolidSvg(plot, Width, Height);
        return new ReportChart(stem, title, alt, headers, rows, png, svg) { NarrowSvg = Narrow(plot) };
    }

    /// <summary>
    /// The phone rendition's SVG: the same plot, narrower, untitled, with fewer month labels; the plot is left as it was.
    /// Nothing is cut off at its edge (measured in pixels, not data units, which gave room enough at 960 px and too little at 400):
    /// bars' value labels get room beyond each bar's end, axis titles a smaller font where they would run past the edge, and
    /// legends smaller, long entries wrapped, and below the plot where an entry is wider than the plot (the tornado's, in Welsh).
    /// </summary>
    private static string Narrow(Plot plot)
    {
        var titled = plot.Axes.Title.IsVisible;
        var axis = AxisMonths.TryGetValue(plot, out var m) ? m : null;
        var months = axis?.Months;
        var limits = plot.Axes.GetLimits();
        // A legend beside the plot (the channel mix's) takes half a phone's width and squeezes the months' labels into one
        // another: on a phone it goes below the plot, as the cumulative chart's does everywhere.
        var beside = plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Where(p => p.Edge == Edge.Right).ToList();
        var below = plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Any();
        var (legendSize, orientation) = (plot.Legend.FontSize, plot.Legend.Orientation);
        var axisSizes = new[] { plot.Axes.Bottom.Label.FontSize, plot.Axes.Left.Label.FontSize };
        var xTitle = plot.Axes.Bottom.Label.Text;
        var rightSize = plot.Axes.Right.MinimumSize;
        var leftTicks = plot.Axes.Left.TickGenerator;
        var texts = plot.GetPlottables().OfType<IHasLegendText>().Select(p => (p, p.LegendText)).ToList();
        var manual = plot.Legend.ManualItems.Select(i => (i, i.LabelText)).ToList();
        ScottPlot.Panels.LegendPanel? moved = null;
        try
        {
            foreach (var p in beside) p.Edge = Edge.Bottom;
            plot.Axes.Title.IsVisible = false;
            if (months is not null)
            {
                MonthAxis(plot, months, NarrowMonthLabels, axis!.Text);
                plot.Axes.SetLimits(limits);
            }
            plot.Axes.Right.MinimumSize = 28;
            if (plot.Legend.IsVisible && !below)
            {
                // A legend inside the plot is cut at the plot's edge: where an entry would not fit, below the plot instead.
                plot.RenderInMemory(NarrowWidth, NarrowHeight);
                var inside = plot.LastRender.DataRect.Width - 40;
                if (texts.Select(x => x.LegendText).Concat(manual.Select(x => x.LabelText)).Any(t => TextWidth(t ?? "", 12) > inside))
                    (moved, below) = (plot.ShowLegend(Edge.Bottom), true);
            }
            if (plot.Legend.IsVisible || below)
            {
                plot.Legend.FontSize = 12;
                plot.RenderInMemory(NarrowWidth, NarrowHeight);
                var centre = plot.LastRender.DataRect.HorizontalCenter;
                // Below the plot the entries may stand two to a row: each at most half the chart's width.
                var most = below ? NarrowWidth / 2 - 24 : 2 * Math.Min(centre, NarrowWidth - centre) - 40;
                foreach (var (p, t) in texts) p.LegendText = Wrap(t, 12, most);
                foreach (var (i, t) in manual) i.LabelText = Wrap(t, 12, most);
            }
            // Names along the left (benefit lines, members, inputs) on two lines where long, leaving the bars and their labels room.
            // (Only beside labelled bars: the tornado's ten inputs stand too close for two lines, and have no value labels.)
            if (leftTicks is NumericManual named && plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>()
                    .Any(bp => bp.Bars.Any(b => !string.IsNullOrEmpty(b.Label))))
            {
                var wrapped = new NumericManual();
                foreach (var t in named.Ticks)
                    if (t.IsMajor) wrapped.AddMajor(t.Position, Wrap(t.Label, plot.Axes.Left.TickLabelStyle.FontSize, 120));
                plot.Axes.Left.TickGenerator = wrapped;
            }
            FitAxisTitles(plot);
            RoomForValueLabels(plot);
            PlaceAboveData(plot, NarrowWidth, NarrowHeight);
            return SolidSvg(plot, NarrowWidth, NarrowHeight);
        }
        finally
        {
            foreach (var p in beside) p.Edge = Edge.Right;
            if (moved is not null)
            {
                plot.Axes.Remove(moved);
                plot.Legend.IsVisible = true;
            }
            plot.Axes.Title.IsVisible = titled;
            (plot.Legend.FontSize, plot.Legend.Orientation) = (legendSize, orientation);
            (plot.Axes.Bottom.Label.FontSize, plot.Axes.Left.Label.FontSize) = (axisSizes[0], axisSizes[1]);
            plot.Axes.Bottom.Label.Text = xTitle;
            plot.Axes.Right.MinimumSize = rightSize;
            plot.Axes.Left.TickGenerator = leftTicks;
            foreach (var (p, t) in texts) p.LegendText = t;
            foreach (var (i, t) in manual) i.LabelText = t;
            if (months is not null) MonthAxis(plot, months, 8, axis!.Text);
            plot.Axes.SetLimits(limits);
        }
    }

    /// <summary>How wide a text is in pixels at a size, in the charts' font.</summary>
    private static double TextWidth(string text, float size)
    {
        var style = new LabelStyle { Text = text, FontSize = size, FontName = ChartFonts.Family };
        using var paint = Paint.NewDisposablePaint();
        return style.Measure(paint).Width;
    }

    /// <summary>A legend entry broken between words onto lines at most <paramref name="most"/> pixels wide.</summary>
    private static string Wrap(string text, float size, double most)
    {
        if (string.IsNullOrEmpty(text) || TextWidth(text, size) <= most) return text;
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var next = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && TextWidth(next, size) > most) { lines.Add(line); line = word; }
            else line = next;
        }
        lines.Add(line);
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Axis titles are centred on the plot, not the chart: where one would run past an edge, a smaller font (to 11 px for the
    /// y title, 12 px for the x title, then two lines).
    /// </summary>
    private static void FitAxisTitles(Plot plot)
    {
        plot.RenderInMemory(NarrowWidth, NarrowHeight);
        var rect = plot.LastRender.DataRect;
        var left = plot.Axes.Left.Label;
        var high = 2 * Math.Min(rect.VerticalCenter, NarrowHeight - rect.VerticalCenter) - 24;
        if (!string.IsNullOrEmpty(left.Text))
        {
            left.FontSize = Math.Min(left.FontSize, 14);
            while (left.FontSize > 11 && TextWidth(left.Text, left.FontSize) > high) left.FontSize -= 0.5f;
        }
        var label = plot.Axes.Bottom.Label;
        if (string.IsNullOrEmpty(label.Text)) return;
        var room = 2 * Math.Min(rect.HorizontalCenter, NarrowWidth - rect.HorizontalCenter) - 8;
        label.FontSize = Math.Min(label.FontSize, 14);
        while (label.FontSize > 12 && TextWidth(label.Text, label.FontSize) > room) label.FontSize -= 0.5f;
        if (TextWidth(label.Text, label.FontSize) > room) label.Text = Wrap(label.Text, label.FontSize, room);
    }

    /// <summary>
    /// Room beyond each horizontal bar's end for its value label, in pixels: the x limits widened until every label lies inside
    /// the plot (a negative bar's then clear of its line's name at the left).
    /// </summary>
    private static void RoomForValueLabels(Plot plot)
    {
        var labelled = plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>()
            .SelectMany(bp => bp.Bars.Where(b => !string.IsNullOrEmpty(b.Label) && b.Orientation == Orientation.Horizontal)
                .Select(b => (Bar: b, Width: TextWidth(b.Label, bp.ValueLabelStyle.FontSize) + 12))).ToList();
        for (var round = 0; round < 30 && labelled.Count > 0; round++)
        {
            plot.RenderInMemory(NarrowWidth, NarrowHeight);
            var rect = plot.LastRender.DataRect;
            var lim = plot.Axes.GetLimits();
            var perUnit = rect.Width / (lim.Right - lim.Left);
            double X(double v) => rect.Left + (v - lim.Left) * perUnit;
            var right = labelled.Where(l => l.Bar.Value >= l.Bar.ValueBase).Select(l => X(l.Bar.Value) + l.Width + 16 - rect.Right)
                .DefaultIfEmpty(0).Max();
            var left = labelled.Where(l => l.Bar.Value < l.Bar.ValueBase).Select(l => rect.Left - (X(l.Bar.Value) - l.Width - 32))
                .DefaultIfEmpty(0).Max();
            if (right <= 0 && left <= 0) return;
            plot.Axes.SetLimitsX(lim.Left - Math.Max(0, left) / perUnit * 1.5, lim.Right + Math.Max(0, right) / perUnit * 1.5);
        }
    }

    /// <summary>
    /// The SVG with every dashed or dotted line drawn solid. Skia's SVG canvas cannot write a path
    /// effect: it would draw the line solid anyway and print "Unsupported path effect in addPaint."
    /// to the console once per line. Series differ by colour and marker as well, and the PNG (drawn
    /// first) keeps its dashes; the patterns are put back afterwards.
    /// </summary>
    private static string SolidSvg(Plot plot, int width, int height)
    {
        var patterned = plot.GetPlottables().OfType<IHasLine>()
            .Where(p => !Equals(p.LinePattern, LinePattern.Solid))
            .Select(p => (Plottable: p, Pattern: p.LinePattern)).ToList();
        try
        {
            foreach (var (p, _) in patterned) p.LinePattern = LinePattern.Solid;
            return plot.GetSvgXml(width, height);
        }
        finally
        {
            foreach (var (p, pattern) in patterned) p.LinePattern = pattern;
        }
    }
}
