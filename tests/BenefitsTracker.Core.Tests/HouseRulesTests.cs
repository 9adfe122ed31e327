namespace BenefitsTracker.Core.Tests;

/// <summary>
/// The house style that a build does not check by itself (docs/architecture.md, "Code style"): no line of the repository's C# is
/// longer than 150 characters.
/// </summary>
public sealed class HouseRulesTests
{
    private const int MaxLineLength = 150;

    [Fact]
    public void No_line_of_the_CSharp_in_src_or_tests_is_longer_than_150_characters()
    {
        var root = RepositoryRoot();
        var files = 0;
        var tooLong = new List<string>();
        foreach (var folder in new[] { "src", "tests" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                var path = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (IsBuildOutput(path) || IsGeneratedMigration(path)) continue;
                files++;
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].Length > MaxLineLength) tooLong.Add($"{path}:{i + 1} ({lines[i].Length})");
                }
            }
        }

        // A walk that found next to nothing would pass without having looked.
        Assert.True(files > 100, $"only {files} C# files found under {root}/src and {root}/tests");
        Assert.True(tooLong.Count == 0,
            $"{tooLong.Count} lines are longer than {MaxLineLength} characters (wrap them as the code around them does):\n" +
            string.Join('\n', tooLong));
    }

    [Theory]
    [InlineData("src/BenefitsTracker.Data.Sqlite/Migrations/20261123144050_Initial.Designer.cs", true)]
    [InlineData("src/BenefitsTracker.Data.Postgres/Migrations/BenefitsDbContextModelSnapshot.cs", true)]
    [InlineData("src/BenefitsTracker.Data.Postgres/Migrations/20261202153000_QuartzJobStore.cs", false)]
    [InlineData("tests/BenefitsTracker.Ingestion.Tests/StoreSnapshot.cs", false)]
    public void Only_the_migrations_EF_generates_are_left_out(string path, bool leftOut) =>
        Assert.Equal(leftOut, IsGeneratedMigration(path));

    /// <summary>
    /// EF Core writes a migration's Designer file and the model snapshot (`dotnet ef migrations add`) and rewrites them on the next
    /// migration: they are generated code, so they are left as EF writes them. The migrations themselves are held to the rule.
    /// </summary>
    private static bool IsGeneratedMigration(string path) =>
        path.StartsWith("src/", StringComparison.Ordinal)
        && path.Contains("/Migrations/", StringComparison.Ordinal)
        && (path.EndsWith(".Designer.cs", StringComparison.Ordinal) || path.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal));

    private static bool IsBuildOutput(string path) =>
        path.Split('/').Any(segment => segment is "bin" or "obj");

    /// <summary>The folder holding the solution file, found by walking up from the test's own folder.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.sln").Any() || dir.EnumerateFiles("*.slnx").Any()) return dir.FullName;
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds a .sln file");
    }
}
