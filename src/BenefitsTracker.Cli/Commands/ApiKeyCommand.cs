using System.CommandLine;
using System.Globalization;
using BenefitsTracker.Application.Keys;
using BenefitsTracker.Data;

namespace BenefitsTracker.Cli.Commands;

/// <summary>`benefits apikey create | list | revoke`: keys for the HTTP API and the dashboard.</summary>
public static class ApiKeyCommand
{
    public static Command Create()
    {
        var council = new Option<string?>("--council") { Description = "GSS code of the council the key reads (and, with scope " +
            "write, writes).", HelpName = "GSS" };
        var consortium = new Option<string?>("--consortium") { Description = "Id of the consortium a consortium-read key reads (its " +
            "suppressed comparison only).", HelpName = "ID" };
        var name = new Option<string?>("--name") { Description = "A name for people, e.g. the system that will use the key.", HelpName = "TEXT" };
        var scope = new Option<string>("--scope") { Description = "write (read and post the council's data), read, or consortium-read.",
            DefaultValueFactory = _ => "write", HelpName = "write|read|consortium-read" };
        var createDb = StorageOptions.Db();
        var create = new Command("create",
            "Print a new API key bound to one council (only its hash is stored); it is shown once.") { council, consortium, name, scope, createDb };
        create.Validators.Add(r =>
        {
            if ((r.GetValue(council) is null) == (r.GetValue(consortium) is null)) r.AddError("give exactly one of --council GSS or --consortium ID");
        });
        create.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            if (!KeyScopes.TryParse(parse.GetValue(scope), out var s))
                throw new UsageException($"--scope '{parse.GetValue(scope)}' is not write, read or consortium-read");
            var owner = parse.GetValue(council) ?? parse.GetValue(consortium)!;
            if (parse.GetValue(consortium) is not null && s != KeyScope.ConsortiumRead)
                throw new UsageException("--consortium takes --scope consortium-read");
            if (parse.GetValue(council) is not null && s == KeyScope.ConsortiumRead)
                throw new UsageException("--scope consortium-read takes --consortium ID, not --council");
            var (target, hasher) = await OpenExistingAsync(parse.GetValue(createDb), token);
            await using var store = await BenefitsStore.OpenAsync(target, token);
            var (id, key) = await new ApiKeys(store, hasher).CreateAsync(owner, s, parse.GetValue(name), DateTimeOffset.UtcNow, token);
            Console.Out.WriteLine(key);
            Console.Error.WriteLine($"Key {id} ({s.Key()}, {owner}) made. It is shown only now: store it safely. Send it in the X-Api-Key header.");
            return ExitCodes.Success;
        }, ct));

        var listDb = StorageOptions.Db();
        var list = new Command("list", "Keys by id, name, council or consortium, scope, created and last used (never the key itself).") { listDb };
        list.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var (target, hasher) = await OpenExistingAsync(parse.GetValue(listDb), token);
            await using var store = await BenefitsStore.OpenAsync(target, token);
            var keys = await new ApiKeys(store, hasher).ListAsync(token);
            if (keys.Count == 0) { Console.Out.WriteLine("No API keys. Make one with: benefits apikey " +
                "create --council GSS"); return ExitCodes.Success; }
            Console.Out.WriteLine("id\tname\towner\tscope\tcreated\tlast used\trevoked");
            foreach (var k in keys)
                Console.Out.WriteLine(string.Join('\t', k.Id.ToString(CultureInfo.InvariantCulture), k.Name ?? "-", k.Owner, k.Scope.Key(),
                    When(k.CreatedAt), k.LastUsedAt is { } u ? When(u) : "never", k.RevokedAt is { } r ? When(r) : "-"));
            return ExitCodes.Success;
        }, ct));

        var id = new Argument<long>("id") { Description = "The key's id (apikey list)." };
        var revokeDb = StorageOptions.Db();
        var revoke = new Command("revoke", "Revoke a key: it stops working within seconds.") { id, revokeDb };
        revoke.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var (target, hasher) = await OpenExistingAsync(parse.GetValue(revokeDb), token);
            await using var store = await BenefitsStore.OpenAsync(target, token);
            var keyId = parse.GetValue(id);
            if (!await new ApiKeys(store, hasher).RevokeAsync(keyId, DateTimeOffset.UtcNow, token))
                throw new UsageException($"no API key with id {keyId} (see benefits apikey list)");
            Console.Out.WriteLine($"Key {keyId} revoked.");
            return ExitCodes.Success;
        }, ct));
        return new Command("apikey", "API keys for the HTTP API and the dashboard.") { create, list, revoke };
    }

    /// <summary>
    /// The store named by --db (or the environment, or the default), which must exist: only ingest and demo create
    /// one, so a mistyped path is "no such database" with the path (exit 2), and nothing is created, not even
    /// the key secret beside it.
    /// </summary>
    private static async Task<(DatabaseTarget, KeyHasher)> OpenExistingAsync(string? db, CancellationToken ct)
    {
        var target = StorageOptions.Target(db);
        await (await StorageOptions.OpenForReadingAsync(target, ct)).DisposeAsync();
        return (target, KeyHasher.FromFile(KeySecretFile.Resolve(target, null)));
    }

    private static string When(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
