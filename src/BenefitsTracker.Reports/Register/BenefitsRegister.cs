using System.Globalization;
using System.Text;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.Reports.Workbook;

namespace BenefitsTracker.Reports.Register;

/// <summary>One benefit line of one service, as the Green Book's benefits register records it.</summary>
internal sealed record RegisterRow(
    ReportUnit? Unit,
    string Council,
    string Service,
    BenefitLine Line,
    string Description,
    string Measure,
    decimal? Baseline,
    string BaselineUnit,
    // The workbook name holding the baseline value (a live formula on the register sheet); null where there is none.
    string? BaselineName,
    decimal Realised,
    bool Cashable,
    string Assumption,
    string? Owner,
    string Evidence);

/// <summary>
/// The benefits register (HM Treasury Green Book): one row per benefit line and service, with its description,
/// measure, baseline value, value realised to date (adjusted, over the report's period), whether it is cashable,
/// the assumption behind it, its owner (assumptions: <c>services.{slug}.owner</c>) and the data range that
/// evidences it. Written as benefits-register.csv and as the workbook's Benefits register sheet.
/// </summary>
internal static class BenefitsRegister
{
    public const string CsvFile = "benefits-register.csv";

    /// <summary>The register's file in a language: benefits-register.csv, benefits-register.cy.csv.</summary>
    public static string CsvFileFor(ReportLanguage language) => language.FileName(CsvFile);

    public static readonly IReadOnlyList<string> Headers =
        ["Council", "Service", "Benefit", "Description", "Measure", "Baseline value", "Baseline unit", "Realised to date (£ adjusted)",
         "Cashable", "Assumption behind it", "Owner", "Evidence (data range)"];

    public static IReadOnlyList<RegisterRow> Rows(SavingsResult r)
    {
        if (r.Scope.Kind == ScopeKind.Consortium) return ConsortiumRows(r);
        var rows = new List<RegisterRow>();
        foreach (var u in ReportUnits.Of(r))
        {
            var w = u.Working;
            var a = u.Assumptions;
            foreach (var line in a.Lines)
            {
                var realised = w.Months.Sum(m => m.AdjustedByLine.GetValueOrDefault(line));
                var (baseline, unit, name) = line switch
                {
                    BenefitLine.ChannelShift =>
                        ((decimal?)w.BaselineMixUnitCost, "£ per transaction at the baseline channel mix", "baseline_mix_cost"),
                    BenefitLine.OfficerTime => (w.BaselineMeanMinutes, "minutes of officer time per closed case", "baseline_mean_minutes"),
                    BenefitLine.Print => (Monthly(w, CostCategories.Print, a), "£ of print spend a month", "baseline_print_monthly"),
                    BenefitLine.Postage => (Monthly(w, CostCategories.Postage, a), "£ of postage a month", "baseline_postage_monthly"),
                    _ => ((decimal?)null, "", (string?)null),
                };
                rows.Add(new RegisterRow(u, u.Council, u.Service, line, Description(line), Measure(line), baseline, unit,
                    name is null ? null : Workbook.WorkbookContext.UnitName(u, name), realised, a.Cashable[line],
                    Assumption(line, a), a.Owner, Evidence(r, u.Council, line, a)));
            }
        }
        return rows;
    }

    /// <summary>
    /// A consortium's register is shared beyond one council: each service's line summed over the members, with
    /// no member's baseline (they differ by member; each member's own register has them).
    /// </summary>
    private static IReadOnlyList<RegisterRow> ConsortiumRows(SavingsResult r)
    {
        var members = r.Members.Select(Rows).SelectMany(x => x).ToList();
        return [.. members
            .GroupBy(x => (x.Service, x.Line))
            .OrderBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.Line)
            .Select(g => new RegisterRow(null, r.Scope.Id, g.Key.Service, g.Key.Line, Description(g.Key.Line), Measure(g.Key.Line),
                null, "each member's own register", null, g.Sum(x => x.Realised), g.All(x => x.Cashable),
                g.Select(x => x.Assumption).Distinct().Count() == 1 ? g.First().Assumption : "as each member's assumptions say (their registers)",
                g.Select(x => x.Owner).Distinct().Count() == 1 ? g.First().Owner
                    : string.Join("; ", g.Select(x => x.Owner).Where(o => o is not null).Distinct()),
                $"{g.Count()} member councils: {string.Join("; ", g.Select(x => $"{x.Council} {x.Evidence}"))}"))];
    }

    private static decimal? Monthly(ServiceWorking w, string category, ServiceAssumptions a) =>
        w.BaselineSpend.TryGetValue(category, out var spend) ? spend / Month.Count(a.BaselineFrom, a.BaselineTo) : 0m;

    public static string Description(BenefitLine line) => line switch
    {
        BenefitLine.ChannelShift => "Residents who would have phoned, written or called in now use the digital service, which costs less per contact",
        BenefitLine.OfficerTime => "Less officer time per case than in the baseline, released for other work",
        BenefitLine.Print => "Print spend no longer needed since the service went online",
        BenefitLine.Postage => "Postage no longer needed since the service went online",
        BenefitLine.AvoidableContact => "A failed online attempt followed within 7 days by an offline contact (a dis-benefit)",
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, null),
    };

    public static string Measure(BenefitLine line) => line switch
    {
        BenefitLine.ChannelShift => "Front-office contact cost avoided: transactions × (baseline mix cost − actual channel cost)",
        BenefitLine.OfficerTime => "Officer hours released × hourly cost",
        BenefitLine.Print => "Baseline print spend a month − print spend this month",
        BenefitLine.Postage => "Baseline postage a month − postage this month",
        BenefitLine.AvoidableContact => "Matched failures × (offline − digital unit cost)",
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, null),
    };

    private static string Assumption(BenefitLine line, ServiceAssumptions a)
    {
        var inv = CultureInfo.InvariantCulture;
        var adjust = $"adjusted by (1 − deadweight {a.Adjustments.Deadweight.ToString(inv)}) × attribution " +
            $"{a.Adjustments.Attribution.ToString(inv)} × (1 − optimism bias {a.Adjustments.OptimismBias.ToString(inv)})";
        var baseline = $"baseline {a.BaselineFrom} to {a.BaselineTo}";
        return line switch
        {
            BenefitLine.ChannelShift or BenefitLine.AvoidableContact =>
                $"Unit costs {string.Join(", ", a.UnitCosts.Select(c => $"{Fmt.Channel(c.Key).ToLowerInvariant()} {Fmt.Money(c.Value)}"))}; " +
                $"{baseline}; {adjust}",
            BenefitLine.OfficerTime =>
                $"Officer hourly cost {(a.HasHourlyCostDefault ? Fmt.Money(a.HourlyCostDefault) + " (default)" : "by grade")}" +
                (a.HourlyCostByGrade.Count > 0 ? $", {string.Join(", ", a.HourlyCostByGrade.Select(g => $"{g.Key} {Fmt.Money(g.Value)}"))}" : "") +
                $"; {baseline}; {adjust}",
            _ => $"Spend in the {baseline} spread evenly by month; {adjust}",
        };
    }

    private static string Evidence(SavingsResult r, string council, BenefitLine line, ServiceAssumptions a)
    {
        var feed = Coverage.FeedOf(line);
        var reach = r.Coverage.FirstOrDefault(c => c.Council == council)?.Of(feed);
        var held = reach is { From: { } f, To: { } t } ? $"{f} to {t}" : "none held";
        return $"{Coverage.Name(feed)} {held}; period {r.Request.From} to {r.Request.To}; baseline {a.BaselineFrom} to {a.BaselineTo}";
    }

    /// <summary>benefits-register.csv: the rows with money to the penny.</summary>
    public static void WriteCsv(SavingsResult r, string path) => WriteCsv(r, path, ReportText.En);

    /// <summary>
    /// The register in <paramref name="text"/>'s language (benefits-register.cy.csv in Welsh, issue 15): the same rows,
    /// columns and figures, with every heading and text value put into the language by the keys that translate the
    /// workbook's Benefits register sheet (<see cref="WorkbookTranslation.TranslateText"/>), so that the two read alike.
    /// Data keeps its form: council codes, service slugs, grades, months as 2024-01 and figures.
    /// </summary>
    public static void WriteCsv(SavingsResult r, string path, ReportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var translator = text.IsWelsh ? WorkbookTranslation.TextTranslator(text) : null;
        string T(string english) => translator?.Invoke(english) ?? english;
        var sb = new StringBuilder();
        sb.Append(string.Join(',', Headers.Select(h => Escape(T(h))))).Append("\r\n");
        var inv = CultureInfo.InvariantCulture;
        foreach (var row in Rows(r))
        {
            string[] cells =
            [
                row.Council, row.Service, T(row.Line.Title()), T(row.Description), T(row.Measure),
                row.Baseline is { } b ? Math.Round(b, 4, MidpointRounding.AwayFromZero).ToString("0.####", inv) : "", T(row.BaselineUnit),
                Money.ToPence(row.Realised).ToString("0.00", inv), T(row.Cashable ? "yes" : "no"), T(row.Assumption), row.Owner ?? "",
                T(row.Evidence),
            ];
            sb.Append(string.Join(',', cells.Select(Escape))).Append("\r\n");
        }
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
