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

    /// <summary>--language en|cy|en+cy (issue 15): the languages of the page, the charts and the summary; default English.</summary>
    public static Option<string> Language() => new("--language")
    {
        Description = "Language of the report: en (English), cy (Welsh) or en+cy (both, report.html and report.cy.html, linked).",
        DefaultValueFactory = _ => "en",
        HelpName = "en|cy|en+cy",
    };

    /// <summary>The languages of --language, or a usage error that says what it takes.</summary>
    public static IReadOnlyList<BenefitsTracker.Reports.Localisation.ReportLanguage> Languages(string? text) =>
        BenefitsTracker.Reports.Localisation.ReportLanguages.TryParse(text, out var languages) ? languages
            : throw new UsageException($"--language '{text}' is not a language of the reports: give en, cy or en+cy");

    public static Option<string> Month(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        HelpName = "YYYY-MM",
    };
}
