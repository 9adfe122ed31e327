using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace BenefitsTracker.Reports.Charts;

/// <summary>
/// DejaVu Sans, shipped inside this assembly (licence: Fonts/LICENSE-DejaVu.txt), so that charts have
/// text on a machine with no fonts installed; ScottPlot would otherwise draw none, silently.
/// </summary>
internal sealed class ChartFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Gate = new();
    private static bool registered;
    private readonly SKTypeface regular = Load("DejaVuSans.ttf");
    private readonly SKTypeface bold = Load("DejaVuSans-Bold.ttf");

    /// <summary>Puts the embedded font first in ScottPlot's resolvers and makes it the default family (once).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (registered) return;
            Fonts.FontResolvers.Insert(0, new ChartFonts());
            Fonts.Default = Family;
            Fonts.Sans = Family;
            registered = true;
        }
    }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? (bold ? this.bold : regular) : null;

    private static SKTypeface Load(string file)
    {
        var asm = typeof(ChartFonts).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = asm.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"font resource {name} missing");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"font resource {name} is not a font");
    }

    internal static IEnumerable<string> ResourceNames() => Assembly.GetExecutingAssembly().GetManifestResourceNames();
}
