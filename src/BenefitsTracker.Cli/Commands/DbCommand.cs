using System.CommandLine;
using BenefitsTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Cli.Commands;

/// <summary>`benefits db migrate`: brings the store's schema up to date, for operators who prefer not to leave it to first use.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var db = StorageOptions.Db();
        var migrate = new Command("migrate", "Create the database if it is missing and apply every pending migration; says what it applied.") { db };
        migrate.SetAction((parse, ct) => CommandRunner.RunAsync(token => MigrateAsync(StorageOptions.Target(parse.GetValue(db)), token), ct));
        return new Command("db", "The store itself: migrate its schema.") { migrate };
    }

    public static async Task<int> MigrateAsync(DatabaseTarget target, CancellationToken ct)
    {
        IReadOnlyList<string> before;
        await using (var probe = new BenefitsDbContext(BenefitsStore.Options(target)))
            before = await AppliedAsync(probe, ct);
        await using var store = await StorageOptions.OpenForWritingAsync(target, ct);
        var after = await store.Database.GetAppliedMigrationsAsync(ct);
        var applied = after.Except(before, StringComparer.Ordinal).ToList();
        foreach (var name in applied) Console.WriteLine($"applied {name}");
        Console.WriteLine(applied.Count == 0
            ? $"{target} is up to date (migration {after.LastOrDefault() ?? "none"})"
            : $"{target} is now at migration {after.Last()} ({applied.Count} applied)");
        return ExitCodes.Success;
    }

    /// <summary>The migrations already applied; none when the database does not exist yet.</summary>
    private static async Task<IReadOnlyList<string>> AppliedAsync(BenefitsDbContext context, CancellationToken ct)
    {
        if (!await context.Database.CanConnectAsync(ct)) return [];
        return (await context.Database.GetAppliedMigrationsAsync(ct)).ToList();
    }
}
