namespace BenefitsTracker.Reports.Localisation;

/// <summary>The languages a report is written in (issue 15; Welsh Language Standards, 2015).</summary>
public enum ReportLanguage
{
    En,
    Cy,
}

/// <summary>
/// The <c>--language</c> option (<c>en</c>, <c>cy</c> or <c>en+cy</c>) and what each language is called in files and pages.
/// </summary>
public static class ReportLanguages
{
    /// <summary>"en", "cy" or "en+cy" (case-insensitive) as the languages to write, English first; false for anything else.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<ReportLanguage> languages)
    {
        languages = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "en" => [ReportLanguage.En],
            "cy" => [ReportLanguage.Cy],
            "en+cy" or "cy+en" => [ReportLanguage.En, ReportLanguage.Cy],
            _ => [],
        };
        return languages.Count > 0;
    }

    /// <summary>The code used in <c>?lang=</c> and file names: "en" or "cy".</summary>
    public static string Code(this ReportLanguage language) => language == ReportLanguage.Cy ? "cy" : "en";

    /// <summary>The page's <c>lang</c> attribute: "en-GB" or "cy".</summary>
    public static string HtmlLang(this ReportLanguage language) => language == ReportLanguage.Cy ? "cy" : "en-GB";

    /// <summary>"?lang=cy" on the dashboard: Welsh for "cy" (any case), English for anything else.</summary>
    public static ReportLanguage FromQuery(string? lang) =>
        string.Equals(lang?.Trim(), "cy", StringComparison.OrdinalIgnoreCase) ? ReportLanguage.Cy : ReportLanguage.En;

    /// <summary>
    /// The file a language's copy of an output is written to: English keeps the name ("report.html"), Welsh adds
    /// ".cy" before the extension ("report.cy.html").
    /// </summary>
    public static string FileName(this ReportLanguage language, string englishName)
    {
        ArgumentNullException.ThrowIfNull(englishName);
        if (language == ReportLanguage.En) return englishName;
        var dot = englishName.LastIndexOf('.');
        return dot < 0 ? englishName + ".cy" : englishName[..dot] + ".cy" + englishName[dot..];
    }
}
