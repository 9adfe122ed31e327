using System.Reflection;
using BenefitsTracker.Core.Assumptions;

namespace BenefitsTracker.Application.Deflators;

/// <summary>
/// The GDP deflator series a report states real terms with (METHOD.md v2, Real prices): the one shipped inside
/// the program (Deflators/gdp-deflators.csv, naming its HM Treasury release), or a newer release given as
/// <c>--deflators FILE</c>.
/// </summary>
public static class GdpDeflators
{
    /// <summary>The shipped file's resource name.</summary>
    private const string Resource = "BenefitsTracker.Application.Deflators.gdp-deflators.csv";

    private static readonly Lazy<DeflatorSeries> ShippedSeries = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the shipped GDP deflator series ({Resource}) is missing from the build");
        using var reader = new StreamReader(stream);
        return DeflatorSeriesReader.Parse(reader.ReadToEnd(), "the shipped gdp-deflators.csv");
    });

    /// <summary>The series shipped with the program.</summary>
    public static DeflatorSeries Shipped => ShippedSeries.Value;

    /// <summary>The series in <paramref name="file"/>, or the shipped one when null; a file that cannot be read is the user's to mend.</summary>
    public static async Task<DeflatorSeries> LoadAsync(string? file, CancellationToken ct)
    {
        if (file is null) return Shipped;
        if (!File.Exists(file)) throw new UsageException($"--deflators: no such file '{file}'");
        try { return DeflatorSeriesReader.Parse(await File.ReadAllTextAsync(file, ct), file); }
        catch (FormatException e) { throw new UsageException($"--deflators {e.Message}"); }
    }
}
