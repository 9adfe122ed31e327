using System.Reflection;

namespace BenefitsTracker.Application;

/// <summary>"benefits X.Y.Z", the software version every report states (METHOD.md, Lineage).</summary>
public static class SoftwareVersion
{
    public static string Text { get; } = "benefits " + Number();

    private static string Number()
    {
        var informational = typeof(SoftwareVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? typeof(SoftwareVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
