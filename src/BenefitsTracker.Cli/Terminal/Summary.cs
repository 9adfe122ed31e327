using System.Globalization;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Cli.Terminal;

/// <summary>The headline of a report, printed in plain language after it is written (English, or Welsh with --language cy).</summary>
public static class Summary
{
    public static void Print(SavingsResult r, string outDir, ReportLanguage language = ReportLanguage.En)
    {
        var T = ReportText.For(language);
        var t = r.Totals;
        Console.WriteLine(T.F("cli.summary.scope", ("name", r.Scope.Name), ("id", r.Scope.Id), ("from", r.Request.From), ("to", r.Request.To),
            ("service", r.Request.Service is { } s ? T.F("cli.summary.service", ("service", s)) : "")));
        // Months without data first, before any figure: they are unknown, not zero.
        foreach (var sentence in CoverageText.Sentences(r, T))
            Console.WriteLine("  " + T.F("cli.summary.months_without_data", ("sentence", sentence)));
        Console.WriteLine("  " + T.F("cli.summary.figures", ("adjusted", Pounds(t.AdjustedBenefit)), ("cashable", Pounds(t.Cashable)),
            ("non_cashable", Pounds(t.NonCashable)), ("costs", Pounds(t.Costs)), ("net", Pounds(t.NetBenefit)),
            ("roi", t.Roi is { } roi ? WholePercent(roi) : T["cli.summary.roi_undefined"]),
            ("payback", t.PaybackMonth is { } pm ? T.MonthLong(pm) : T["card.payback.none"])));
        if (r.Appraisal is { } a)
        {
            // The cash view beside the full figures (issue 12): a case that pays back only with staff time says so.
            var cash = a.Cash;
            Console.WriteLine("  " + T.F("cli.summary.cash", ("net", Pounds(cash.CashableNet)),
                ("roi", cash.CashableRoi is { } croi ? WholePercent(croi) : T["cli.summary.roi_undefined"]),
                ("payback", cash.CashablePaybackMonth is { } cpm
                    ? T.F("cli.summary.cash_payback", ("month", T.MonthLong(cpm))) : T["appraisal.cash.not_paid_back"])));
            if (a.Horizon is { } h)
                Console.WriteLine("  " + T.F("cli.summary.horizon", ("years", h.Years), ("projected", h.ProjectedMonths.Count),
                    ("npv", Pounds(h.Npv))));
            if (a.Real is { } real)
                Console.WriteLine("  " + T.F("cli.summary.real", ("base", real.PriceBase), ("net", Pounds(real.NetBenefit)),
                    ("npv", Pounds(real.Npv))));
        }
        // The engine's notes (and the data-quality findings) are phrases: worded in the summary's language.
        foreach (var note in r.NotePhrases) Console.WriteLine("  " + T.F("cli.summary.note", ("note", ReportPhrases.Render(note, T))));
        Console.WriteLine("  " + T.F("cli.summary.written", ("dir", outDir)));
    }

    public static string Pounds(decimal value) => Money.Format(value);

    /// <summary>A ratio as a whole percentage, with a true minus sign as the reports write it: −0.305 → "−31%"; never "−0%".</summary>
    public static string WholePercent(decimal ratio)
    {
        var shown = Math.Round(ratio * 100m, 0, MidpointRounding.AwayFromZero);
        return (shown < 0 ? "\u2212" : "") + Math.Abs(shown).ToString("0", CultureInfo.InvariantCulture) + "%";
    }
}
