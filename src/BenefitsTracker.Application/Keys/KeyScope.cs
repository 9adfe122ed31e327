namespace BenefitsTracker.Application.Keys;

/// <summary>What an API key may do (docs/service.md, "Keys").</summary>
public enum KeyScope
{
    /// <summary>Read its council's figures and files, and post its council's events, cases and costs.</summary>
    Write,
    /// <summary>Read its council's figures and files only.</summary>
    Read,
    /// <summary>Read its consortium's comparison (suppressed as in the consortium's outputs), nothing of the members' own figures.</summary>
    ConsortiumRead,
}

public static class KeyScopes
{
    public static string Key(this KeyScope s) => s switch
    {
        KeyScope.Write => "write",
        KeyScope.Read => "read",
        _ => "consortium-read",
    };

    public static bool TryParse(string? text, out KeyScope scope)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "write": scope = KeyScope.Write; return true;
            case "read": scope = KeyScope.Read; return true;
            case "consortium-read": scope = KeyScope.ConsortiumRead; return true;
            default: scope = KeyScope.Read; return false;
        }
    }
}

/// <summary>Who a request's key speaks for.</summary>
public sealed record KeyPrincipal(long Id, string? Name, KeyScope Scope, string? CouncilCode, string? ConsortiumId)
{
    /// <summary>May this key read <paramref name="gss"/>'s own figures (savings, report files)?</summary>
    public bool CanReadCouncil(string gss) => Scope is KeyScope.Write or KeyScope.Read
        && string.Equals(CouncilCode, gss?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>May this key post rows for <paramref name="gss"/>?</summary>
    public bool CanWriteCouncil(string gss) => Scope == KeyScope.Write && string.Equals(CouncilCode, gss?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>May this key read consortium <paramref name="id"/>'s comparison? Its own consortium-read key only.</summary>
    public bool CanReadConsortium(string id) => Scope == KeyScope.ConsortiumRead && string.Equals(ConsortiumId, id, StringComparison.Ordinal);
}
