namespace BenefitsTracker.Core.Domain;

/// <summary>An ONS GSS code for a local authority: a letter (E, W, S, N) then eight digits, e.g. W06000003.</summary>
public static class CouncilCode
{
    /// <summary>Whether <paramref name="code"/> is a capital E, W, S or N followed by exactly eight digits.</summary>
    public static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length != 9) return false;
        if (code[0] is not ('E' or 'W' or 'S' or 'N')) return false;
        foreach (var c in code[1..]) if (c is < '0' or > '9') return false;
        return true;
    }
}
