using System.CommandLine;

namespace BenefitsTracker.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class StorageOptions
{
    public static Option<string?> Db() => new("--db")
    {
        Description = "Database: sqlite:PATH or postgres:CONNECTION-STRING (default: $BENEFITS_DB, else sqlite:data/benefits.db).",
        HelpName = "target",
    };

    public static Option<string> Month(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        HelpName = "YYYY-MM",
    };
}
