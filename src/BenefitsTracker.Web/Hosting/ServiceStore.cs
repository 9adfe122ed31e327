using BenefitsTracker.Data;

namespace BenefitsTracker.Web.Hosting;

/// <summary>
/// The store as the web host uses it: short-lived read contexts (no migration check), and writes through one
/// gate, because the embedded store takes one writer at a time and each request is one transaction.
/// </summary>
public sealed class ServiceStore(DatabaseTarget target, string workFolder)
{
    public DatabaseTarget Target { get; } = target;

    /// <summary>
    /// Where posted bodies are staged while they are ingested (deleted afterwards) and their rejected rows kept
    /// (see <see cref="ServiceOptions.WorkFolder"/>).
    /// </summary>
    public string WorkFolder { get; } = workFolder;

    public SemaphoreSlim WriteGate { get; } = new(1, 1);

    public BenefitsDbContext OpenRead() => new(BenefitsStore.Options(Target));

    /// <summary>A context on an open, configured connection, for one ingest.</summary>
    public Task<BenefitsDbContext> OpenWriteAsync(CancellationToken ct) => BenefitsStore.OpenAsync(Target, ct);

    /// <summary>The WorkFolder setting, else beside the SQLite file, else data/benefits-work under the working folder.</summary>
    public static string ResolveWorkFolder(DatabaseTarget target, string? configured) =>
        !string.IsNullOrWhiteSpace(configured) ? Path.GetFullPath(configured)
        : target.Provider == DatabaseProvider.Sqlite ? target.Location + ".work"
        : Path.GetFullPath(Path.Combine("data", "benefits-work"));

    /// <summary>Resolves the Db setting as the CLI does: the setting, else $BENEFITS_DB, else sqlite:data/benefits.db.</summary>
    public static DatabaseTarget Resolve(string? configured)
    {
        var environment = Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable);
        var (source, spec) = !string.IsNullOrWhiteSpace(configured) ? ("Benefits:Db", configured)
            : !string.IsNullOrWhiteSpace(environment) ? (DatabaseTarget.EnvironmentVariable, environment)
            : ("the default database", DatabaseTarget.DefaultSpec);
        return DatabaseTarget.TryParse(spec, out var target, out var problem) ? target : throw new Application.UsageException($"{source}: {problem}");
    }
}
