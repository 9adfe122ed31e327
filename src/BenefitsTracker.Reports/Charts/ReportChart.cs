namespace BenefitsTracker.Reports.Charts;

/// <summary>
/// One chart: its file stem (charts/STEM.png and .svg), title, a text alternative that states what it
/// shows, the data behind it as a table, and the rendered images.
/// </summary>
public sealed record ReportChart(
    string Stem,
    string Title,
    string AltText,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    byte[] Png,
    string Svg);
