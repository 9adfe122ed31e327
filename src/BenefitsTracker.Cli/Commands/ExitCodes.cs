namespace BenefitsTracker.Cli.Commands;

/// <summary>Exit codes of SPEC.md.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The work failed.</summary>
    public const int Failed = 1;
    /// <summary>Bad arguments or unusable input, with a message that says what and where.</summary>
    public const int BadInput = 2;
}
