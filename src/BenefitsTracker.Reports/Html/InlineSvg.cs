using System.Net;
using System.Text.RegularExpressions;

namespace BenefitsTracker.Reports.Html;

/// <summary>
/// Makes a chart's SVG fit to sit inside the page: no XML declaration, scalable, announced as one image
/// with its title and description, and its ids prefixed so that several charts on a page cannot clash.
/// </summary>
internal static partial class InlineSvg
{
    public static string Prepare(string svg, string idPrefix, string title, string description)
    {
        var body = XmlDeclaration().Replace(svg, "").Trim();
        body = Ids().Replace(body, m => $"id=\"{idPrefix}-{m.Groups[1].Value}\"");
        body = UrlRefs().Replace(body, m => $"url(#{idPrefix}-{m.Groups[1].Value})");
        body = HrefRefs().Replace(body, m => $"{m.Groups[1].Value}=\"#{idPrefix}-{m.Groups[2].Value}\"");
        var root = RootTag().Match(body);
        if (!root.Success) throw new InvalidOperationException("chart SVG has no <svg> root element");
        var width = Attribute(root.Value, "width") ?? "960";
        var height = Attribute(root.Value, "height") ?? "540";
        var titleId = idPrefix + "-title";
        var descId = idPrefix + "-desc";
        var newRoot = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" " +
            $"viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" focusable=\"false\" " +
            $"aria-labelledby=\"{titleId} {descId}\">" +
            $"<title id=\"{titleId}\">{WebUtility.HtmlEncode(title)}</title><desc id=\"{descId}\">{WebUtility.HtmlEncode(description)}</desc>";
        return body[..root.Index] + newRoot + body[(root.Index + root.Length)..];
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"([0-9.]+)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<svg\b[^>]*>")]
    private static partial Regex RootTag();

    [GeneratedRegex(@"\bid=""([^""]+)""")]
    private static partial Regex Ids();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlRefs();

    [GeneratedRegex(@"((?:xlink:)?href)=""#([^""]+)""")]
    private static partial Regex HrefRefs();
}
