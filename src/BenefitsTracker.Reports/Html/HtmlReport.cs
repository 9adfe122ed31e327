using System.Globalization;
using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Charts;
using BenefitsTracker.Reports.Formatting;
using static BenefitsTracker.Reports.Html.HtmlWriter;

namespace BenefitsTracker.Reports.Html;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no scripts, no requests) that a digital lead
/// can email or publish. Headline in plain English, each line explained, trends, caveats and lineage.
/// Every chart has a text alternative and its data as a table (WCAG 2.2 AA).
/// </summary>
internal static class HtmlReport
{
    private static readonly Lazy<string> Css = new(() =>
    {
        var asm = typeof(HtmlReport).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith("report.css", StringComparison.Ordinal));
        using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    });

    /// <param name="pageTop">HTML placed first in the page (the dashboard's navigation and period form); null in the file.</param>
    public static string Render(ReportFacts f, IReadOnlyList<ReportChart> charts, string? pageTop = null)
    {
        var r = f.Result;
        // Long data tables go after the story, in their own section (issue 13, board-ready print).
        var data = new HtmlWriter();
        var h = new HtmlWriter { Appendix = data };
        var chart = charts.ToDictionary(c => c.Stem);
        var figureNo = 0;
        h.Line("<!DOCTYPE html>");
        h.Line("<html lang=\"en-GB\">");
        h.Line("<head>");
        h.Line("<meta charset=\"utf-8\">");
        h.Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.Line($"<title>{E(Title(r))}: {E(Fmt.Period(r.Request.From, r.Request.To))}</title>");
        h.Line($"<style>\n{Css.Value}</style>");
        h.Line("</head>");
        h.Line("<body>");
        h.Line("<div class=\"page\">");
        if (pageTop is not null) h.Line(pageTop);
        h.Line("<header class=\"masthead\">");
        h.P("BenefitsTracker savings report", "kicker");
        h.Line($"<h1>{E(Title(r))}</h1>");
        h.P(E($"{ScopeLine(r)} · {Fmt.Period(r.Request.From, r.Request.To)} ({r.Request.MonthCount} months)"), "meta");
        h.Line("</header>");
        h.Line("<main>");

        Coverage(h, r);
        Headline(h, f);
        // Page one of the printed page: the headline, the key chart and the main caveats (issue 13).
        h.Line("<section aria-labelledby=\"trend\">");
        h.Line("<h2 id=\"trend\">Benefit against cost, month by month</h2>");
        h.P(E($"The blue line (round markers) adds up the adjusted benefit month by month; the orange-red line (square markers) adds up what {TheServices(f)} cost. " +
            (ServiceCount(f) > 1 ? "Where they cross, the services have paid for themselves." : "Where they cross, the service has paid for itself.")));
        Figure(h, chart["cumulative"], ++figureNo);
        h.Line("</section>");
        MainCaveats(h, f);
        KpiSection.Write(h, r);
        AppraisalSection.Write(h, r, chart, c => { Figure(h, c, ++figureNo); return figureNo; });
        CounterfactualSection.Write(h, f, chart, c => { Figure(h, c, ++figureNo); return figureNo; });

        h.Line("<section aria-labelledby=\"lines\">");
        h.Line("<h2 id=\"lines\">Where the savings come from</h2>");
        LineSections.Write(h, f);
        Figure(h, chart["benefit-by-line"], ++figureNo);
        h.Line("</section>");

        h.Line("<section aria-labelledby=\"channels\">");
        h.Line("<h2 id=\"channels\">How people got in touch</h2>");
        h.P("Completed transactions by channel each month, and the share made online (digital take-up).");
        Figure(h, chart["channel-mix"], ++figureNo);
        Figure(h, chart["digital-take-up"], ++figureNo);
        h.Line("</section>");

        h.Line("<section aria-labelledby=\"officers\">");
        h.Line("<h2 id=\"officers\">Officer time per case</h2>");
        h.P("Minutes of officer time recorded per closed case, against the baseline mean. Below the baseline line, officers spent less time per case than before.");
        Figure(h, chart["officer-minutes"], ++figureNo);
        h.Line("</section>");

        if (r.Comparison is { } comparison) Members(h, f, comparison, chart, () => ++figureNo);
        Caveats(h, f);
        h.Line("<section aria-labelledby=\"data\" class=\"data-tables\">");
        h.Line("<h2 id=\"data\">Data tables</h2>");
        h.P("The figures behind each chart, and the month-by-month tables, to the penny.");
        h.Raw(data.ToString());
        h.Line("</section>");
        Lineage(h, r);
        h.Line("</main>");
        Footer(h, r);
        h.Line("</div>");
        h.Line("</body>");
        h.Line("</html>");
        return h.ToString();
    }

    /// <summary>
    /// What a reader needs at the foot: the software and its version, where the method is written down, and where
    /// the working is. No jargon. (The repository records no public address for the method, so it is named, not linked.)
    /// </summary>
    private static void Footer(HtmlWriter h, SavingsResult r)
    {
        var workbook = r.Scope.Kind == ScopeKind.Consortium
            ? "The spreadsheet savings.xlsx, sent with this page, shows how the consortium's figures add up; each council's own spreadsheet shows the working behind its figures."
            : "The spreadsheet savings.xlsx, sent with this page, shows the working behind every figure and recalculates when an assumption is changed.";
        h.Line("<footer>");
        h.P(E($"Made with {SoftwareName(r.Lineage.SoftwareVersion)}, free software for measuring what digital council services save. ") +
            E("How every figure is worked out is written down in the BenefitsTracker method, version 1 (docs/method.md in its source). ") + E(workbook));
        h.Line("</footer>");
    }

    /// <summary>"BenefitsTracker version 1.4.0" from the lineage's software string ("benefits 1.4.0+abc"); the string itself when it holds no version.</summary>
    internal static string SoftwareName(string software)
    {
        var version = software.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(w => w.Length > 0 && char.IsDigit(w[0]));
        if (version is null) return $"BenefitsTracker ({software})";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return "BenefitsTracker version " + (plus > 0 ? version[..plus] : version);
    }

    /// <summary>Months without data, at the top, before any figure: they are unknown, not zero.</summary>
    private static void Coverage(HtmlWriter h, SavingsResult r)
    {
        var sentences = CoverageText.Sentences(r);
        if (sentences.Count == 0) return;
        h.Line("<section class=\"coverage\" aria-labelledby=\"coverage\">");
        h.Line("<h2 id=\"coverage\">Months without data</h2>");
        h.Line("<ul>");
        foreach (var s in sentences) h.Line($"<li>{E(s)}</li>");
        h.Line("</ul>");
        h.Line("</section>");
    }

    public static string Title(SavingsResult r) => r.Scope.Kind == ScopeKind.Consortium
        ? $"Savings from digital services: {r.Scope.Name} consortium"
        : $"Savings from digital services: {r.Scope.Name}";

    private static string ScopeLine(SavingsResult r)
    {
        var who = r.Scope.Kind == ScopeKind.Consortium ? $"Consortium {r.Scope.Id}, {r.Members.Count} councils" : $"Council {r.Scope.Id}";
        return r.Request.Service is { } s ? $"{who} · service {s}" : $"{who} · all services";
    }

    private static void Headline(HtmlWriter h, ReportFacts f)
    {
        var r = f.Result;
        var t = r.Totals;
        var services = f.Units.Select(u => u.Service).Distinct(StringComparer.Ordinal).Count();
        var several = services > 1 ? $"{Fmt.CountWords(services)} digital services" : "digital service";
        var who = r.Scope.Kind == ScopeKind.Consortium ? $"the {r.Scope.Name} consortium's {several}"
            : r.Request.Service is { } s ? $"the {s} service at {r.Scope.Name}" : $"{r.Scope.Name}'s {several}";
        // Sentences round for people; the cards below and every table give the exact figures.
        h.Line("<section aria-labelledby=\"headline\">");
        h.Line("<h2 id=\"headline\">The headline</h2>");
        h.P($"Over {r.Request.MonthCount} months, {E(who)} saved an estimated <strong>{E(Fmt.About(t.AdjustedBenefit))}</strong> after adjustments " +
            $"({E(Fmt.About(t.GrossBenefit))} before them). {(services > 1 ? "They" : "The digital service")} cost {E(Fmt.About(t.Costs))}, so the net benefit is <strong>{E(Fmt.About(t.NetBenefit))}</strong>." +
            E(AppraisalSection.CashSentence(r)), "lead");
        var sentences = new List<string>();
        sentences.Add(t.Bcr is { } bcr && t.Roi is { } roi
            ? $"Every £1 spent returned {Fmt.Money(bcr)} of benefit: a return on investment of {Fmt.Percent(roi)}."
            : "No digital service costs were recorded for the period, so the return on investment and the benefit-cost ratio are undefined.");
        sentences.Add(t.PaybackMonth is { } pm
            ? $"{(services > 1 ? $"The {Fmt.CountWords(services)} services had paid back their" : "The service had paid back its")} costs by {Fmt.MonthLong(pm)}, {Month.Count(r.Request.From, pm)} months into the period."
            : "Cumulative benefit has not caught up with cumulative cost within the period, so there is no payback month yet.");
        sentences.Add($"Discounted at {Fmt.Percent(r.Assumptions.DiscountRate)} a year (HM Treasury Green Book), the net present value is {Fmt.About(t.Npv)}.");
        sentences.Add($"Of the adjusted benefit, {Fmt.About(t.Cashable)} is cashable (money no longer spent) and {Fmt.About(t.NonCashable)} is non-cashable, mostly staff time released for other work.");
        h.P(E(string.Join(" ", sentences)));

        h.Line("<dl class=\"figures\">");
        void Card(string label, string value, string? note = null, bool headline = false) =>
            h.Line($"<div class=\"figure{(headline ? " headline" : "")}\"><dt>{E(label)}</dt><dd>{E(value)}{(note is null ? "" : $"<small>{E(note)}</small>")}</dd></div>");
        Card("Adjusted benefit", Fmt.Money(t.AdjustedBenefit), "after deadweight, attribution and optimism bias", true);
        Card("Net benefit", Fmt.Money(t.NetBenefit), "adjusted benefit less costs", true);
        Card("Return on investment", t.Roi is { } roi2 ? Fmt.Percent(roi2) : "undefined", "net benefit ÷ costs");
        Card("Benefit-cost ratio", t.Bcr is { } bcr2 ? bcr2.ToString("0.00", CultureInfo.InvariantCulture) : "undefined", "adjusted benefit ÷ costs");
        Card("Payback month", t.PaybackMonth is { } pm2 ? Fmt.MonthLong(pm2) : "not within the period");
        Card("Net present value", Fmt.Money(t.Npv), $"at {Fmt.Percent(r.Assumptions.DiscountRate)} a year");
        Card("Gross benefit", Fmt.Money(t.GrossBenefit), "before adjustments");
        Card("Digital service costs", Fmt.Money(t.Costs));
        Card("Cashable", Fmt.Money(t.Cashable), "adjusted");
        Card("Non-cashable", Fmt.Money(t.NonCashable), "adjusted");
        Card("Transactions", f.CountText(t.Transactions), "completed, all channels");
        Card("Digital take-up", t.DigitalTakeUp is { } tu && !f.IsSuppressed(t.Transactions) ? Fmt.Percent(tu) : ReportFacts.Confidential);
        Card("Officer hours released", Fmt.Number(t.OfficerHoursReleased, 1));
        // As manifest.json: withheld with the transactions when they are hidden.
        var withheld = f.IsSuppressed(t.Transactions);
        Card("Cost per transaction", withheld ? ReportFacts.Confidential : t.CostPerTransaction is { } cpt ? Fmt.Money(cpt) : "n/a", "costs ÷ completed transactions");
        Card("Completion rate", withheld ? ReportFacts.Confidential : t.CompletionRate is { } cr ? Fmt.Percent(cr) : "n/a", "completed ÷ started online");
        h.Line("</dl>");
        AppraisalSection.HeadlineCards(h, r);
        h.Line("</section>");
    }

    /// <summary>A chart inline, its caption stating what it shows, then its data as a table.</summary>
    private static void Figure(HtmlWriter h, ReportChart c, int n)
    {
        var id = "fig-" + c.Stem;
        h.Line($"<figure class=\"chart\" id=\"{id}\" aria-labelledby=\"{id}-caption\">");
        if (c.NarrowSvg is null) h.Line(InlineSvg.Prepare(c.Svg, id, $"Figure {n}: {c.Title}", c.AltText));
        else
        {
            // Two renditions, one shown at a time by the page width: the phone's is drawn at a phone's width, so its labels stay legible.
            h.Line($"<div class=\"chart-wide\">{InlineSvg.Prepare(c.Svg, id, $"Figure {n}: {c.Title}", c.AltText)}</div>");
            h.Line($"<div class=\"chart-narrow\">{InlineSvg.Prepare(c.NarrowSvg, id + "-narrow", $"Figure {n}: {c.Title}", c.AltText)}</div>");
        }
        h.Line($"<figcaption id=\"{id}-caption\"><strong>Figure {n}: {E(c.Title)}.</strong> {E(c.AltText)} Table {n} gives the data.</figcaption>");
        h.Line("</figure>");
        h.DataTable($"Data for figure {n}:", $"Table {n}: data for figure {n}, {c.Title.ToLowerInvariant()}", id + "-data", c.Headers, c.Rows, i => i > 0);
    }

    /// <summary>
    /// The members side by side (issue 13): money (costs, net benefit, ROI) and normalised figures, each beside the
    /// consortium median; a chart; the assumptions that differ between members; where the populations come from.
    /// </summary>
    private static void Members(HtmlWriter h, ReportFacts f, ConsortiumComparison c, IReadOnlyDictionary<string, ReportChart> charts, Func<int> nextFigure)
    {
        var r = f.Result;
        var view = f.Disclosure;
        h.Line("<section aria-labelledby=\"members\">");
        h.Line("<h2 id=\"members\">Member councils compared</h2>");
        h.P(E($"Each council's figures come from its own data and assumptions. Shared costs are apportioned by {c.Apportionment}. " +
            $"A count below {view.Threshold} is shown as {view.SmallSymbol}; a figure hidden to protect it, or worked out from it, as {DisclosureView.ConfidentialSymbol}. " +
            "The consortium median, of the members shown, is beside each figure. " + ComparisonText.Population(c)));
        if (charts.TryGetValue(MemberCharts.Stem, out var chart)) Figure(h, chart, nextFigure());

        string Hidden(MemberComparison m) => view.Symbol(view.Member(m.Code) is var s && s != Shown.Value ? s : Shown.Confidential);
        string Money(MemberComparison m, decimal? v) => v is { } x ? Fmt.Money(x) : m.Suppressed ? DisclosureView.ConfidentialSymbol : "n/a";
        string Ratio(MemberComparison m, decimal? v, string none = "n/a") => v is { } x ? Fmt.Percent(x) : m.Suppressed ? DisclosureView.ConfidentialSymbol : none;
        static string MedianMoney(decimal? v) => v is { } x ? Fmt.Money(x) : "n/a";
        static string MedianRatio(decimal? v) => v is { } x ? Fmt.Percent(x) : "n/a";
        var md = c.Median;

        h.Table("Member councils: benefit, costs and return",
            ["Council", "Adjusted benefit", "Digital service costs", "Net benefit", "Return on investment", "Share of shared costs"],
            c.Members.Select(m => (IReadOnlyList<string>)[$"{m.Name} ({m.Code})", Money(m, m.AdjustedBenefit), Money(m, m.Costs), Money(m, m.NetBenefit),
                Ratio(m, m.Roi, "undefined"), Fmt.Percent(m.SharedCostShare)]),
            i => i > 0,
            ["Consortium median", MedianMoney(md.AdjustedBenefit), MedianMoney(md.Costs), MedianMoney(md.NetBenefit), MedianRatio(md.Roi), ""]);
        // The members shown, when none is withheld, add up to the consortium's figures unless rounding says otherwise.
        if (c.Members.All(m => !m.Suppressed && m.AdjustedBenefit is not null && m.Costs is not null)
            && (Fmt.MayNotSum(c.Members.Select(m => m.AdjustedBenefit!.Value), r.Totals.AdjustedBenefit)
                || Fmt.MayNotSum(c.Members.Select(m => m.Costs!.Value), r.Totals.Costs)
                || Fmt.MayNotSum(c.Members.Select(m => m.NetBenefit!.Value), r.Totals.NetBenefit)))
            h.P(E($"The consortium's adjusted benefit is {Fmt.Money(r.Totals.AdjustedBenefit)}, its costs {Fmt.Money(r.Totals.Costs)} and its net benefit {Fmt.Money(r.Totals.NetBenefit)}. {Fmt.RoundingNote}"), "rounding");

        h.Table("Member councils: normalised figures",
            ["Council", "Population", "Transactions", "Adjusted benefit per transaction", "Adjusted benefit per 1,000 residents", "Cost per 1,000 residents", "Digital take-up", "Cost per transaction"],
            c.Members.Select(m => (IReadOnlyList<string>)[$"{m.Name} ({m.Code})", m.Population is { } p ? Fmt.Count(p) : "unknown", m.Transactions is { } n ? Fmt.Count(n) : Hidden(m),
                Money(m, m.BenefitPerTransaction), Money(m, m.AdjustedBenefitPer1000Residents), Money(m, m.CostPer1000Residents), Ratio(m, m.DigitalTakeUp), Money(m, m.CostPerTransaction)]),
            i => i > 0,
            ["Consortium median", "", "", MedianMoney(md.BenefitPerTransaction), MedianMoney(md.AdjustedBenefitPer1000Residents), MedianMoney(md.CostPer1000Residents),
                MedianRatio(md.DigitalTakeUp), MedianMoney(md.CostPerTransaction)]);

        h.Line("<h3>Assumptions that differ between members</h3>");
        if (c.DifferingAssumptions.Count == 0) h.P("Every member's figures use the same assumptions.");
        else
        {
            h.P(E("Each member's figures use its own assumptions. These are the ones that are not the same for every member; the assumptions file and each member's own workbook hold them all."));
            h.Table("Assumptions that differ between members",
                ["Assumption", .. c.Members.Select(m => m.Name)],
                c.DifferingAssumptions.Select(d => (IReadOnlyList<string>)[ComparisonText.Assumption(d.Key),
                    .. c.Members.Select(m => d.Values.FirstOrDefault(v => v.Code == m.Code)?.Value is { } v ? ComparisonText.Value(d.Key, v) : "does not run it")]),
                i => i > 0);
        }
        h.Line("</section>");
    }

    private static int ServiceCount(ReportFacts f) => f.Units.Select(u => u.Service).Distinct(StringComparer.Ordinal).Count();

    /// <summary>"the digital service", or "the three digital services" where there are several (issue 13).</summary>
    internal static string TheServices(ReportFacts f) => ServiceCount(f) is var n && n > 1 ? $"the {Fmt.CountWords(n)} digital services" : "the digital service";

    /// <summary>
    /// The caveats a reader must have before quoting the headline, kept short for page one: what the figures are
    /// (estimates after adjustments), what non-cashable means, and that they rest on assumptions (each one's source
    /// is under the full caveats).
    /// </summary>
    private static void MainCaveats(HtmlWriter h, ReportFacts f)
    {
        var r = f.Result;
        var a = r.Assumptions.Adjustments;
        h.Line("<section aria-labelledby=\"main-caveats\" class=\"main-caveats\">");
        h.Line("<h2 id=\"main-caveats\">Before quoting these figures</h2>");
        h.Line("<ul>");
        h.Line($"<li>{E($"They are estimates of what the same demand would have cost without {TheServices(f)}, after adjustments that keep {Fmt.Percent(a.Factor)} of the gross figure (deadweight, attribution and optimism bias).")}</li>");
        if (r.Totals.NonCashable != 0m)
            h.Line($"<li>{E($"{char.ToUpperInvariant(Fmt.About(r.Totals.NonCashable)[0])}{Fmt.About(r.Totals.NonCashable)[1..]} of the benefit is non-cashable, mostly staff time: it frees capacity, not cash, unless the time is put to other work or posts are not filled.")}</li>");
        h.Line($"<li>{E("They rest on assumptions, such as what a phone call or an officer's hour costs. The caveats near the end say where each came from; the spreadsheet recalculates if one is changed.")}</li>");
        h.Line("</ul>");
        h.P("<a href=\"#caveats\">All the caveats</a> are near the end, before the data tables.");
        h.Line("</section>");
    }

    private static void Caveats(HtmlWriter h, ReportFacts f)
    {
        var r = f.Result;
        var a = r.Assumptions.Adjustments;
        h.Line("<section aria-labelledby=\"caveats\">");
        h.Line("<h2 id=\"caveats\">Caveats: read these before quoting a figure</h2>");
        h.Line("<ul class=\"caveats\">");
        h.Line($"<li>{E($"These are estimates against a counterfactual: what the same demand would have cost without {TheServices(f)}. Every benefit is multiplied by (1 − deadweight {a.Deadweight.ToString(CultureInfo.InvariantCulture)}) × attribution {a.Attribution.ToString(CultureInfo.InvariantCulture)} × (1 − optimism bias {a.OptimismBias.ToString(CultureInfo.InvariantCulture)}) = {a.Factor.ToString("0.####", CultureInfo.InvariantCulture)}, so the adjusted figures are {Fmt.Percent(a.Factor)} of the gross ones{(f.Units.Select(u => u.Assumptions.Adjustments).Distinct().Count() > 1 ? " (some services use their own adjustments; see the workbook)" : "")}.")}</li>");
        foreach (var line in r.Lines.Where(l => l.Ci95 is not null))
            h.Line($"<li>{E($"{line.Line.Title()}: the 95% confidence interval of the gross figure is {Fmt.Money(line.Ci95!.Low)} to {Fmt.Money(line.Ci95.High)}, from a seeded bootstrap of 2,000 resamples of the baseline and period cases. Quote the range, not just the central figure.")}</li>");
        if (!r.Lines.Any(l => l.Ci95 is not null))
            h.Line("<li>No confidence interval could be computed for officer time (it needs closed cases in both the baseline and the period).</li>");
        h.Line($"<li>{E("Non-cashable benefits, such as officer time released, free capacity rather than cash: they reduce budgets only if the time is redeployed or posts are not filled.")}</li>");
        // Where each unit cost came from: the default and its source, or the file's key that set it.
        var used = f.Units.Count > 0
            ? f.Units.Select(u => (u.Assumptions.UnitCosts, u.Assumptions.UnitCostKeys))
            : [(r.Assumptions.UnitCosts, r.Assumptions.UnitCostKeys)];
        h.Line($"<li>{E($"Channel shift values each transaction at a unit cost per channel: {AssumptionSources.UnitCosts(r, used)}. The result is only as good as these costs.")}</li>");
        // Every other category of assumption, each with its source (the default, or the file that set it).
        foreach (var sentence in AssumptionSources.Others(r, f.Units.Select(u => u.Assumptions).ToList()))
            h.Line($"<li>{E(sentence)}</li>");
        h.Line($"<li>{E("Tables and figures are to the penny, each rounded on its own; sentences round to about four significant figures. Totals are worked out before rounding, so where the parts shown do not add up to the total shown, the page says: " + Fmt.RoundingNote)}</li>");
        if (f.Disclosure.Note is { } disclosure) h.Line($"<li>{E(disclosure)}</li>");
        foreach (var note in r.Notes) h.Line($"<li>{E(note)}</li>");
        h.Line("</ul>");
        h.Line("</section>");
    }

    private static void Lineage(HtmlWriter h, SavingsResult r)
    {
        var l = r.Lineage;
        h.Line("<section aria-labelledby=\"lineage\">");
        h.Line("<h2 id=\"lineage\">Where the figures come from</h2>");
        h.P(E($"Data range {(l.DataFrom is { } df && l.DataTo is { } dt ? $"{Fmt.MonthLong(df)} to {Fmt.MonthLong(dt)}" : "not recorded")}. " +
            $"Assumptions version {l.AssumptionsVersion}, SHA-256 ") + $"<code>{E(l.AssumptionsSha256)}</code>. " + E($"Software {l.SoftwareVersion}. The same inputs and assumptions give the same figures."));
        h.Table("Input files", ["File", "SHA-256", "Rows accepted", "Rows rejected"],
            l.Inputs.Select(i => (IReadOnlyList<string>)[i.File, i.Sha256, Fmt.Count(i.Accepted), Fmt.Count(i.Rejected)]), i => i > 1);
        h.Line("</section>");
    }
}
