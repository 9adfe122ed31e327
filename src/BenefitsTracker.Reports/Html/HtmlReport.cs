using System.Globalization;
using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Charts;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;
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
        var T = f.T;
        // Long data tables go after the story, in their own section (issue 13, board-ready print).
        var data = new HtmlWriter { T = T };
        var h = new HtmlWriter { Appendix = data, T = T };
        var chart = charts.ToDictionary(c => c.Stem);
        var figureNo = 0;
        h.Line("<!DOCTYPE html>");
        h.Line($"<html lang=\"{T.Language.HtmlLang()}\">");
        h.Line("<head>");
        h.Line("<meta charset=\"utf-8\">");
        h.Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.Line($"<title>{E(Title(r, T))}: {E(T.Period(r.Request.From, r.Request.To))}</title>");
        h.Line($"<style>\n{Css.Value}</style>");
        h.Line("</head>");
        h.Line("<body>");
        h.Line("<div class=\"page\">");
        if (pageTop is not null) h.Line(pageTop);
        h.Line("<header class=\"masthead\">");
        h.P(E(T["html.kicker"]), "kicker");
        h.Line($"<h1>{E(Title(r, T))}</h1>");
        h.P(E(T.F("html.meta", ("scope", ScopeLine(r, T)), ("period", T.Period(r.Request.From, r.Request.To)),
            ("months", r.Request.MonthCount))), "meta");
        h.Line("</header>");
        h.Line("<main>");

        Coverage(h, r);
        Headline(h, f);
        // Page one of the printed page: the headline, the key chart and the main caveats (issue 13).
        h.Line("<section aria-labelledby=\"trend\">");
        h.Line($"<h2 id=\"trend\">{E(T["html.trend.heading"])}</h2>");
        h.P(E(T.F("html.trend.text", ("the_services", TheServices(f))) + " " +
            T[ServiceCount(f) > 1 ? "html.trend.cross.many" : "html.trend.cross.one"]));
        Figure(h, chart["cumulative"], ++figureNo);
        h.Line("</section>");
        MainCaveats(h, f);
        KpiSection.Write(h, r);
        AppraisalSection.Write(h, r, chart, c => { Figure(h, c, ++figureNo); return figureNo; });
        CounterfactualSection.Write(h, f, chart, c => { Figure(h, c, ++figureNo); return figureNo; });

        h.Line("<section aria-labelledby=\"lines\">");
        h.Line($"<h2 id=\"lines\">{E(T["html.lines.heading"])}</h2>");
        LineSections.Write(h, f);
        Figure(h, chart["benefit-by-line"], ++figureNo);
        h.Line("</section>");

        // On paper a heading, its first paragraph and its first chart are kept together (class keep),
        // so that no heading is stranded at a page's foot.
        h.Line("<section aria-labelledby=\"channels\">");
        h.Line("<div class=\"keep\">");
        h.Line($"<h2 id=\"channels\">{E(T["html.channels.heading"])}</h2>");
        h.P(E(T["html.channels.text"]));
        Figure(h, chart["channel-mix"], ++figureNo);
        h.Line("</div>");
        Figure(h, chart["digital-take-up"], ++figureNo);
        h.Line("</section>");

        h.Line("<section aria-labelledby=\"officers\" class=\"keep\">");
        h.Line($"<h2 id=\"officers\">{E(T["html.officers.heading"])}</h2>");
        h.P(E(T["html.officers.text"]));
        Figure(h, chart["officer-minutes"], ++figureNo);
        h.Line("</section>");

        if (r.Comparison is { } comparison) Members(h, f, comparison, chart, () => ++figureNo);
        Caveats(h, f);
        h.Line("<section aria-labelledby=\"data\" class=\"data-tables\">");
        h.Line($"<h2 id=\"data\">{E(T["html.data.heading"])}</h2>");
        h.P(E(T["html.data.text"]));
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
        var T = h.T;
        var workbook = T[r.Scope.Kind == ScopeKind.Consortium ? "html.footer.workbook.consortium" : "html.footer.workbook.council"];
        h.Line("<footer>");
        h.P(E(T.F("html.footer.made", ("software", SoftwareName(r.Lineage.SoftwareVersion, T))) + " ") +
            E(T["html.footer.method"] + " ") + E(workbook));
        h.Line("</footer>");
    }

    /// <summary>
    /// "BenefitsTracker version 1.4.0" from the lineage's software string ("benefits 1.4.0+abc"); the string itself when it holds no version.
    /// </summary>
    internal static string SoftwareName(string software, ReportText? text = null)
    {
        var version = software.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(w => w.Length > 0 && char.IsDigit(w[0]));
        if (version is null) return $"BenefitsTracker ({software})";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return (text ?? ReportText.En).F("html.footer.software", ("version", plus > 0 ? version[..plus] : version));
    }

    /// <summary>Months without data, at the top, before any figure: they are unknown, not zero.</summary>
    private static void Coverage(HtmlWriter h, SavingsResult r)
    {
        var sentences = CoverageText.Sentences(r, h.T);
        if (sentences.Count == 0) return;
        h.Line("<section class=\"coverage\" aria-labelledby=\"coverage\">");
        h.Line($"<h2 id=\"coverage\">{E(h.T["html.coverage.heading"])}</h2>");
        h.Line("<ul>");
        foreach (var s in sentences) h.Line($"<li>{E(s)}</li>");
        h.Line("</ul>");
        h.Line("</section>");
    }

    public static string Title(SavingsResult r, ReportText? text = null) =>
        (text ?? ReportText.En).F(r.Scope.Kind == ScopeKind.Consortium ? "html.title.consortium" : "html.title.council", ("name", r.Scope.Name));

    private static string ScopeLine(SavingsResult r, ReportText T)
    {
        var who = r.Scope.Kind == ScopeKind.Consortium
            ? T.F("html.scope.consortium", ("id", r.Scope.Id), ("count", r.Members.Count))
            : T.F("html.scope.council", ("id", r.Scope.Id));
        return r.Request.Service is { } s ? T.F("html.scope.service", ("who", who), ("service", s)) : T.F("html.scope.all", ("who", who));
    }

    private static void Headline(HtmlWriter h, ReportFacts f)
    {
        var r = f.Result;
        var T = f.T;
        var t = r.Totals;
        var services = f.Units.Select(u => u.Service).Distinct(StringComparer.Ordinal).Count();
        var several = DigitalServices(T, services, definite: false);
        var who = r.Scope.Kind == ScopeKind.Consortium ? T.F("html.headline.who.consortium", ("name", r.Scope.Name), ("services", several))
            : r.Request.Service is { } s ? T.F("html.headline.who.service", ("service", s), ("name", r.Scope.Name))
            : T.F("html.headline.who.council", ("name", r.Scope.Name), ("services", several));
        // Sentences round for people; the cards below and every table give the exact figures.
        h.Line("<section aria-labelledby=\"headline\">");
        h.Line($"<h2 id=\"headline\">{E(T["html.headline.heading"])}</h2>");
        h.P(T.F(services > 1 ? "html.headline.lead.many" : "html.headline.lead.one", ("months", r.Request.MonthCount), ("who", E(who)),
                ("adjusted", $"<strong>{E(T.About(t.AdjustedBenefit))}</strong>"), ("gross", E(T.About(t.GrossBenefit))),
                ("costs", E(T.About(t.Costs))), ("net", $"<strong>{E(T.About(t.NetBenefit))}</strong>")) +
            E(AppraisalSection.CashSentence(r, T)), "lead");
        var sentences = new List<string>();
        sentences.Add(t.Bcr is { } bcr && t.Roi is { } roi
            ? T.F("html.headline.return", ("bcr", Fmt.Money(bcr)), ("roi", Fmt.Percent(roi)))
            : T["html.headline.no_costs"]);
        sentences.Add(t.PaybackMonth is { } pm
            ? (services > 1
                ? T.F("html.headline.payback.many", ("the_services", Services(T, services)), ("The_services", Capital(Services(T, services))),
                    ("month", T.MonthLong(pm)), ("k", Month.Count(r.Request.From, pm)))
                : T.F("html.headline.payback.one", ("month", T.MonthLong(pm)), ("k", Month.Count(r.Request.From, pm))))
            : T["html.headline.no_payback"]);
        sentences.Add(T.F("html.headline.npv", ("rate", Fmt.Percent(r.Assumptions.DiscountRate)), ("npv", T.About(t.Npv))));
        sentences.Add(T.F("html.headline.cashable", ("cashable", T.About(t.Cashable)), ("non_cashable", T.About(t.NonCashable))));
        h.P(E(string.Join(" ", sentences)));

        h.Line("<dl class=\"figures\">");
        void Card(string key, string value, string? note = null, bool headline = false) =>
            h.Line($"<div class=\"figure{(headline ? " headline" : "")}\"><dt>{E(T["card." + key])}</dt><dd>" +
                $"{E(value)}{(note is null ? "" : $"<small>{E(note)}</small>")}</dd></div>");
        var undefined = T["common.undefined"];
        var na = T["common.na"];
        Card("adjusted_benefit", Fmt.Money(t.AdjustedBenefit), T["card.adjusted_benefit.note"], true);
        Card("net_benefit", Fmt.Money(t.NetBenefit), T["card.net_benefit.note"], true);
        Card("roi", t.Roi is { } roi2 ? Fmt.Percent(roi2) : undefined, T["card.roi.note"]);
        Card("bcr", t.Bcr is { } bcr2 ? bcr2.ToString("0.00", CultureInfo.InvariantCulture) : undefined, T["card.bcr.note"]);
        Card("payback", t.PaybackMonth is { } pm2 ? T.MonthLong(pm2) : T["card.payback.none"]);
        Card("npv", Fmt.Money(t.Npv), T.F("card.npv.note", ("rate", Fmt.Percent(r.Assumptions.DiscountRate))));
        Card("gross_benefit", Fmt.Money(t.GrossBenefit), T["card.gross_benefit.note"]);
        Card("costs", Fmt.Money(t.Costs));
        Card("cashable", Fmt.Money(t.Cashable), T["card.adjusted.note"]);
        Card("non_cashable", Fmt.Money(t.NonCashable), T["card.adjusted.note"]);
        Card("transactions", f.CountText(t.Transactions), T["card.transactions.note"]);
        Card("take_up", t.DigitalTakeUp is { } tu && !f.IsSuppressed(t.Transactions) ? Fmt.Percent(tu) : ReportFacts.Confidential);
        Card("hours", Fmt.Number(t.OfficerHoursReleased, 1));
        // As manifest.json: withheld with the transactions when they are hidden.
        var withheld = f.IsSuppressed(t.Transactions);
        Card("cpt", withheld ? ReportFacts.Confidential : t.CostPerTransaction is { } cpt ? Fmt.Money(cpt) : na, T["card.cpt.note"]);
        Card("completion", withheld ? ReportFacts.Confidential : t.CompletionRate is { } cr ? Fmt.Percent(cr) : na, T["card.completion.note"]);
        h.Line("</dl>");
        AppraisalSection.HeadlineCards(h, r);
        h.Line("</section>");
    }

    /// <summary>"digital service" for one, "three digital services" (or "the three digital services") for several.</summary>
    internal static string DigitalServices(ReportText T, int n, bool definite)
    {
        var prefix = definite ? "count.the_digital_services." : "count.digital_services.";
        if (n <= 1) return T[prefix + "1"];
        return T.Has(prefix + n.ToString(CultureInfo.InvariantCulture)) ? T[prefix + n.ToString(CultureInfo.InvariantCulture)]
            : T.F(prefix + "other", ("n", Fmt.Count(n)));
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"the three services" for several (no "digital").</summary>
    private static string Services(ReportText T, int n) =>
        T.Has("count.the_services." + n.ToString(CultureInfo.InvariantCulture)) ? T["count.the_services." + n.ToString(CultureInfo.InvariantCulture)]
        : T.F("count.the_services.other", ("n", Fmt.Count(n)));

    /// <summary>A chart inline, its caption stating what it shows, then its data as a table.</summary>
    private static void Figure(HtmlWriter h, ReportChart c, int n)
    {
        var T = h.T;
        var id = "fig-" + c.Stem;
        var label = T.F("html.figure.label", ("n", n), ("title", c.Title));
        h.Line($"<figure class=\"chart\" id=\"{id}\" aria-labelledby=\"{id}-caption\">");
        if (c.NarrowSvg is null) h.Line(InlineSvg.Prepare(c.Svg, id, label, c.AltText));
        else
        {
            // Two renditions, one shown at a time by the page width: the phone's is drawn at a phone's width, so its labels stay legible.
            h.Line($"<div class=\"chart-wide\">{InlineSvg.Prepare(c.Svg, id, label, c.AltText)}</div>");
            h.Line($"<div class=\"chart-narrow\">{InlineSvg.Prepare(c.NarrowSvg, id + "-narrow", label, c.AltText)}</div>");
        }
        h.Line($"<figcaption id=\"{id}-caption\"><strong>{E(label)}.</strong> {E(c.AltText)} {E(T.F("html.figure.table_gives", ("n", n)))}" +
            $"</figcaption>");
        h.Line("</figure>");
        h.DataTable(T.F("html.figure.data_lead", ("n", n)),
            T.F("html.figure.table_caption", ("n", n), ("title", c.Title.ToLowerInvariant())), id + "-data",
            c.Headers, c.Rows, i => i > 0);
    }

    /// <summary>
    /// The members side by side (issue 13): money (costs, net benefit, ROI) and normalised figures, each beside the
    /// consortium median; a chart; the assumptions that differ between members; where the populations come from.
    /// </summary>
    private static void Members(HtmlWriter h, ReportFacts f, ConsortiumComparison c, IReadOnlyDictionary<string, ReportChart> charts,
        Func<int> nextFigure)
    {
        var r = f.Result;
        var T = f.T;
        var view = f.Disclosure;
        h.Line("<section aria-labelledby=\"members\">");
        h.Line($"<h2 id=\"members\">{E(T["html.members.heading"])}</h2>");
        h.P(E(T.F("html.members.text",
            ("apportionment", T.Has("apportionment." + c.Apportionment) ? T["apportionment." + c.Apportionment] : c.Apportionment),
            ("threshold", view.Threshold), ("small", view.SmallSymbol), ("confidential", DisclosureView.ConfidentialSymbol)) + " " +
                ComparisonText.Population(c, T)));
        if (charts.TryGetValue(MemberCharts.Stem, out var chart)) Figure(h, chart, nextFigure());

        var na = T["common.na"];
        string Hidden(MemberComparison m) => view.Symbol(view.Member(m.Code) is var s && s != Shown.Value ? s : Shown.Confidential);
        string Money(MemberComparison m, decimal? v) => v is { } x ? Fmt.Money(x) : m.Suppressed ? DisclosureView.ConfidentialSymbol : na;
        string Ratio(MemberComparison m, decimal? v, string? none = null) =>
            v is { } x ? Fmt.Percent(x) : m.Suppressed ? DisclosureView.ConfidentialSymbol : none ?? na;
        string MedianMoney(decimal? v) => v is { } x ? Fmt.Money(x) : na;
        string MedianRatio(decimal? v) => v is { } x ? Fmt.Percent(x) : na;
        var md = c.Median;
        var median = T["html.members.median"];

        h.Table(T["html.members.money.caption"],
            [T["col.council"], T["col.adjusted_benefit"], T["col.costs"], T["col.net_benefit"], T["col.roi"], T["col.shared_share"]],
            c.Members.Select(m =>
                (IReadOnlyList<string>)[$"{m.Name} ({m.Code})", Money(m, m.AdjustedBenefit), Money(m, m.Costs), Money(m, m.NetBenefit),
                Ratio(m, m.Roi, T["common.undefined"]), Fmt.Percent(m.SharedCostShare)]),
            i => i > 0,
            [median, MedianMoney(md.AdjustedBenefit), MedianMoney(md.Costs), MedianMoney(md.NetBenefit), MedianRatio(md.Roi), ""]);
        // The members shown, when none is withheld, add up to the consortium's figures unless rounding says otherwise.
        if (c.Members.All(m => !m.Suppressed && m.AdjustedBenefit is not null && m.Costs is not null)
            && (Fmt.MayNotSum(c.Members.Select(m => m.AdjustedBenefit!.Value), r.Totals.AdjustedBenefit)
                || Fmt.MayNotSum(c.Members.Select(m => m.Costs!.Value), r.Totals.Costs)
                || Fmt.MayNotSum(c.Members.Select(m => m.NetBenefit!.Value), r.Totals.NetBenefit)))
            h.P(E(T.F("html.members.rounding", ("adjusted", Fmt.Money(r.Totals.AdjustedBenefit)), ("costs", Fmt.Money(r.Totals.Costs)),
                ("net", Fmt.Money(r.Totals.NetBenefit))) + " " + T["common.rounding_note"]), "rounding");

        h.Table(T["html.members.normalised.caption"],
            [T["col.council"], T["col.population"], T["col.transactions"], T["col.benefit_per_transaction"], T["col.benefit_per_1000"],
                T["col.cost_per_1000"],
                T["col.take_up"], T["col.cpt"]],
            c.Members.Select(m => (IReadOnlyList<string>)[$"{m.Name} ({m.Code})", m.Population is { } p ? Fmt.Count(p) : T["common.unknown"],
                m.Transactions is { } n ? Fmt.Count(n) : Hidden(m),
                Money(m, m.BenefitPerTransaction), Money(m, m.AdjustedBenefitPer1000Residents), Money(m, m.CostPer1000Residents),
                Ratio(m, m.DigitalTakeUp), Money(m, m.CostPerTransaction)]),
            i => i > 0,
            [median, "", "", MedianMoney(md.BenefitPerTransaction), MedianMoney(md.AdjustedBenefitPer1000Residents),
                MedianMoney(md.CostPer1000Residents),
                MedianRatio(md.DigitalTakeUp), MedianMoney(md.CostPerTransaction)]);

        h.Line($"<h3>{E(T["html.members.differ.heading"])}</h3>");
        if (c.DifferingAssumptions.Count == 0) h.P(E(T["html.members.differ.none"]));
        else
        {
            h.P(E(T["html.members.differ.text"]));
            h.Table(T["html.members.differ.heading"],
                [T["col.assumption"], .. c.Members.Select(m => m.Name)],
                c.DifferingAssumptions.Select(d => (IReadOnlyList<string>)[ComparisonText.Assumption(d.Key, T),
                    .. c.Members.Select(m => d.Values.FirstOrDefault(v => v.Code == m.Code)?.Value is { } v ? ComparisonText.Value(d.Key, v, T)
                        : T["html.members.differ.not_run"])]),
                i => i > 0);
        }
        h.Line("</section>");
    }

    private static int ServiceCount(ReportFacts f) => f.Units.Select(u => u.Service).Distinct(StringComparer.Ordinal).Count();

    /// <summary>"the digital service", or "the three digital services" where there are several (issue 13).</summary>
    internal static string TheServices(ReportFacts f) => DigitalServices(f.T, ServiceCount(f), definite: true);

    /// <summary>
    /// The caveats a reader must have before quoting the headline, kept short for page one: what the figures are
    /// (estimates after adjustments), what non-cashable means, and that they rest on assumptions (each one's source
    /// is under the full caveats).
    /// </summary>
    private static void MainCaveats(HtmlWriter h, ReportFacts f)
    {
        var r = f.Result;
        var T = f.T;
        var a = r.Assumptions.Adjustments;
        h.Line("<section aria-labelledby=\"main-caveats\" class=\"main-caveats\">");
        h.Line($"<h2 id=\"main-caveats\">{E(T["html.main_caveats.heading"])}</h2>");
        h.Line("<ul>");
        h.Line($"<li>{E(T.F("html.main_caveats.estimates", ("the_services", TheServices(f)), ("factor", Fmt.Percent(a.Factor))))}</li>");
        if (r.Totals.NonCashable != 0m)
        {
            var about = T.About(r.Totals.NonCashable);
            h.Line($"<li>{E(T.F("html.main_caveats.non_cashable", ("About", char.ToUpperInvariant(about[0]) + about[1..]), ("about", about)))}</li>");
        }
        h.Line($"<li>{E(T["html.main_caveats.assumptions"])}</li>");
        h.Line("</ul>");
        h.P(T.F("html.main_caveats.all", ("link", $"<a href=\"#caveats\">{E(T["html.main_caveats.all_link"])}</a>")));
        h.Line("</section>");
    }

    private static void Caveats(HtmlWriter h, ReportFacts f)
    {
        var r = f.Result;
        var T = f.T;
        var a = r.Assumptions.Adjustments;
        var inv = CultureInfo.InvariantCulture;
        h.Line("<section aria-labelledby=\"caveats\">");
        h.Line($"<h2 id=\"caveats\">{E(T["html.caveats.heading"])}</h2>");
        h.Line("<ul class=\"caveats\">");
        h.Line($"<li>{E(T.F("html.caveats.counterfactual", ("the_services", TheServices(f)), ("deadweight", a.Deadweight.ToString(inv)),
            ("attribution", a.Attribution.ToString(inv)), ("optimism", a.OptimismBias.ToString(inv)), ("factor", a.Factor.ToString("0.####", inv)),
            ("percent", Fmt.Percent(a.Factor)),
            ("own", f.Units.Select(u => u.Assumptions.Adjustments).Distinct().Count() > 1 ? T["html.caveats.own_adjustments"] : "")))}</li>");
        foreach (var line in r.Lines.Where(l => l.Ci95 is not null))
            h.Line($"<li>{E(T.F("html.caveats.ci", ("line", T.Line(line.Line)), ("low", Fmt.Money(line.Ci95!.Low)),
                ("high", Fmt.Money(line.Ci95.High))))}</li>");
        if (!r.Lines.Any(l => l.Ci95 is not null))
            h.Line($"<li>{E(T["html.caveats.no_ci"])}</li>");
        h.Line($"<li>{E(T["html.caveats.non_cashable"])}</li>");
        // Where each unit cost came from: the default and its source, or the file's key that set it.
        var used = f.Units.Count > 0
            ? f.Units.Select(u => (u.Assumptions.UnitCosts, u.Assumptions.UnitCostKeys))
            : [(r.Assumptions.UnitCosts, r.Assumptions.UnitCostKeys)];
        h.Line($"<li>{E(T.F("html.caveats.unit_costs", ("costs", AssumptionSources.UnitCosts(r, used, T))))}</li>");
        // Every other category of assumption, each with its source (the default, or the file that set it).
        foreach (var sentence in AssumptionSources.Others(r, f.Units.Select(u => u.Assumptions).ToList(), T))
            h.Line($"<li>{E(sentence)}</li>");
        h.Line($"<li>{E(T["html.caveats.rounding"] + " " + T["common.rounding_note"])}</li>");
        if (f.Disclosure.Note is { } disclosure) h.Line($"<li>{E(CoreText.DisclosureNote(f.Disclosure, disclosure, T, r))}</li>");
        // Every note is a phrase (the engine's, a data-quality finding), worded in the page's language, the text inside it given as
        // it is (a finding's detail) marked as English in a Welsh page; a code with no key here stays as the engine wrote it, marked.
        foreach (var note in r.NotePhrases)
        {
            var text = CoreText.Render(note, T);
            h.Line(T.IsWelsh && text == note.English && note.Code != Phrase.TextCode ? $"<li lang=\"en-GB\">{E(text)}</li>"
                : $"<li>{h.MarkEnglish(E(text), [.. CoreText.AsGiven(note)])}</li>");
        }
        h.Line("</ul>");
        h.Line("</section>");
    }

    private static void Lineage(HtmlWriter h, SavingsResult r)
    {
        var T = h.T;
        var l = r.Lineage;
        h.Line("<section aria-labelledby=\"lineage\">");
        h.Line($"<h2 id=\"lineage\">{E(T["html.lineage.heading"])}</h2>");
        h.P(E(T.F("html.lineage.range",
            ("range", l.DataFrom is { } df && l.DataTo is { } dt ? T.Period(df, dt) : T["html.lineage.not_recorded"]))) + " " +
            E(T.F("html.lineage.assumptions", ("version", l.AssumptionsVersion))) + $" <code>{E(l.AssumptionsSha256)}</code>. " +
            E(T.F("html.lineage.software", ("software", l.SoftwareVersion))));
        h.Table(T["html.lineage.inputs.caption"], [T["col.file"], "SHA-256", T["col.rows_accepted"], T["col.rows_rejected"]],
            l.Inputs.Select(i => (IReadOnlyList<string>)[i.File, i.Sha256, Fmt.Count(i.Accepted), Fmt.Count(i.Rejected)]), i => i > 1,
            cls: HtmlWriter.Inputs);
        h.Line("</section>");
    }
}
