namespace BenefitsTracker.Data;

/// <summary>The database engines the store can run on.</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Where the store lives: <c>sqlite:PATH</c> (embedded, the default) or <c>postgres:CONNECTION-STRING</c> (SPEC.md, Storage).
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string Location)
{
    /// <summary>The environment variable read when no --db option is given.</summary>
    public const string EnvironmentVariable = "BENEFITS_DB";

    /// <summary>The default, relative to the current folder.</summary>
    public const string DefaultSpec = "sqlite:data/benefits.db";

    /// <summary>Parses <c>sqlite:PATH</c> or <c>postgres:CONNECTION-STRING</c>; a relative path is taken from the current folder.</summary>
    /// <exception cref="FormatException">The text names no known provider or no location.</exception>
    public static DatabaseTarget Parse(string spec)
    {
        if (TryParse(spec, out var target, out var problem)) return target;
        throw new FormatException(problem);
    }

    public static bool TryParse(string? spec, out DatabaseTarget target, out string problem)
    {
        target = null!;
        problem = "";
        if (string.IsNullOrWhiteSpace(spec))
        {
            problem = "the database is empty: use sqlite:PATH or postgres:CONNECTION-STRING";
            return false;
        }
        var colon = spec.IndexOf(':');
        var scheme = colon < 0 ? "" : spec[..colon].Trim().ToLowerInvariant();
        var rest = colon < 0 ? "" : spec[(colon + 1)..].Trim();
        switch (scheme)
        {
            case "sqlite":
                if (rest.Length == 0) { problem = $"'{spec}' names no file: use sqlite:PATH, e.g. sqlite:data/benefits.db"; return false; }
                target = new DatabaseTarget(DatabaseProvider.Sqlite, Path.GetFullPath(rest));
                return true;
            case "postgres" or "postgresql":
                if (rest.Length == 0) { problem = $"'{spec}' has no connection string: use postgres:Host=...;Database=...;Username=... " +
                    $"(or sqlite:PATH)"; return false; }
                try
                {
                    _ = new Npgsql.NpgsqlConnectionStringBuilder(rest);
                }
                catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
                {
                    problem = $"the PostgreSQL connection string is not valid: {e.Message} (e.g. " +
                        $"postgres:Host=127.0.0.1;Port=5432;Database=benefits;Username=benefits)";
                    return false;
                }
                target = new DatabaseTarget(DatabaseProvider.Postgres, rest);
                return true;
            default:
                problem = $"'{spec}' is not a database: use sqlite:PATH or postgres:CONNECTION-STRING";
                return false;
        }
    }

    /// <summary>
    /// The database to use: the --db option if given, else the BENEFITS_DB variable, else sqlite:data/benefits.db
    /// under the current folder.
    /// </summary>
    public static DatabaseTarget Resolve(string? dbOption, string? environmentValue = null)
    {
        if (!string.IsNullOrWhiteSpace(dbOption)) return Parse(dbOption);
        environmentValue ??= Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(environmentValue)) return Parse(environmentValue);
        return Parse(DefaultSpec);
    }

    /// <summary>Text safe to print: the path, or the connection string without its password.</summary>
    public override string ToString() => Provider switch
    {
        DatabaseProvider.Sqlite => "sqlite:" + Location,
        _ => "postgres:" + System.Text.RegularExpressions.Regex.Replace(Location, @"(?i)(password|pwd)\s*=\s*[^;]*", "$1=***"),
    };
}
