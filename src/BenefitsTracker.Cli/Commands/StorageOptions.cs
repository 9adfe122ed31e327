using System.CommandLine;
using BenefitsTracker.Data;

namespace BenefitsTracker.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class StorageOptions
{
    public static Option<string?> Db() => new("--db")
    {
        Description = "Database: sqlite:PATH or postgres:CONNECTION-STRING (default: $BENEFITS_DB, else sqlite:data/benefits.db).",
        HelpName = "target",
    };

    /// <summary>The database named by --db, else BENEFITS_DB, else the default; a bad one is a usage error naming its source.</summary>
    public static DatabaseTarget Target(string? option)
    {
        var environment = Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable);
        var (source, spec) = !string.IsNullOrWhiteSpace(option) ? ("--db", option)
            : !string.IsNullOrWhiteSpace(environment) ? (DatabaseTarget.EnvironmentVariable, environment)
            : ("the default database", DatabaseTarget.DefaultSpec);
        return DatabaseTarget.TryParse(spec, out var target, out var problem) ? target : throw new UsageException($"{source}: {problem}");
    }

    public static Option<string> Month(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        HelpName = "YYYY-MM",
    };
}
