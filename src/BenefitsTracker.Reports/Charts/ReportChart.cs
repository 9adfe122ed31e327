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
    string Svg)
{
    /// <summary>
    /// The same chart drawn at a phone's width (issue 13), shown instead of <see cref="Svg"/> on a narrow screen; null when there is none.
    /// </summary>
    public string? NarrowSvg { get; init; }
}
