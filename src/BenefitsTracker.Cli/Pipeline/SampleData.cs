namespace BenefitsTracker.Cli.Pipeline;

/// <summary>Finds sample-data/: in the current folder, or above the program (a checkout run with dotnet run).</summary>
public static class SampleData
{
    public static string? Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "sample-data");
                if (File.Exists(Path.Combine(candidate, "councils.csv"))) return candidate;
            }
        }
        return null;
    }
}
