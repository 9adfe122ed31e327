using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.Formatting;

/// <summary>A service as a reader knows it: its name from the assumptions (<c>services.{slug}.name</c>), else its slug made readable.</summary>
public static class ServiceNames
{
    /// <summary>The service's name in <paramref name="result"/> (its own services, or any member's), else <see cref="Readable"/>.</summary>
    public static string Of(SavingsResult result, string slug)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Named(result, slug) ?? Readable(slug);
    }

    private static string? Named(SavingsResult r, string slug) =>
        r.Services.FirstOrDefault(s => s.Service == slug && s.Assumptions.Name is not null)?.Assumptions.Name
        ?? r.Members.Select(m => Named(m, slug)).FirstOrDefault(n => n is not null);

    /// <summary>"garden-waste" → "Garden waste": the slug with spaces, its first letter capital.</summary>
    public static string Readable(string slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var words = slug.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? slug : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
