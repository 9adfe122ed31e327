using System.CommandLine;
using BenefitsTracker.Data;

namespace BenefitsTracker.Cli.Commands;

/// <summary>Options several commands share, and opening the store they name.</summary>
public static class StorageOptions
{
    public static Option<string?> Db() => new("--db")
    {
        Description = "Database: sqlite:PATH or postgres:CONNECTION-STRING (default: $BENEFITS_DB, else sqlite:data/benefits.db).",
        HelpName = "target",
    };

    /// <summary>The store this run opened last, so that a failure can name it.</summary>
    public static DatabaseTarget? Current { get; private set; }

    /// <summary>The database named by --db, else BENEFITS_DB, else the default; a bad one is a usage error naming its source.</summary>
    public static DatabaseTarget Target(string? option)
    {
        var environment = Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable);
        var (source, spec) = !string.IsNullOrWhiteSpace(option) ? ("--db", option)
            : !string.IsNullOrWhiteSpace(environment) ? (DatabaseTarget.EnvironmentVariable, environment)
            : ("the default database", DatabaseTarget.DefaultSpec);
        return DatabaseTarget.TryParse(spec, out var target, out var problem) ? target : throw new UsageException($"{source}: {problem}");
    }

    /// <summary>For ingest and demo: creates the store if need be, and says so when another writer makes us wait.</summary>
    public static Task<BenefitsDbContext> OpenForWritingAsync(DatabaseTarget target, CancellationToken ct)
    {
        Current = target;
        return BenefitsStore.OpenAsync(target, BenefitsStore.LockWait, notice => Console.Error.WriteLine($"benefits: {notice}"), ct);
    }

    /// <summary>For report: the store must exist; opened read-only unless it needs migrating.</summary>
    public static Task<BenefitsDbContext> OpenForReadingAsync(DatabaseTarget target, CancellationToken ct)
    {
        Current = target;
        return BenefitsStore.OpenForReadingAsync(target, ct);
    }

    public static Option<string> Month(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        HelpName = "YYYY-MM",
    };
}
