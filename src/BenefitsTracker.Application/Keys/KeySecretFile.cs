using BenefitsTracker.Data;

namespace BenefitsTracker.Application.Keys;

/// <summary>Where the key secret lives: the setting if given, else beside the SQLite file (<c>benefits.db.keys</c>).</summary>
public static class KeySecretFile
{
    /// <summary>The environment variable both `benefits apikey` and `benefits serve` read (Benefits:KeySecretFile).</summary>
    public const string EnvironmentVariable = "BENEFITS__KEYSECRETFILE";

    public static string Resolve(DatabaseTarget target, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        return target.Provider == DatabaseProvider.Sqlite
            ? target.Location + ".keys"
            : throw new UsageException($"with a PostgreSQL store, set {EnvironmentVariable} (Benefits:KeySecretFile) to a file " +
                $"readable by every node");
    }
}
