namespace BenefitsTracker.Application;

/// <summary>
/// A problem with what the user asked for or gave us. The CLI answers it with exit code 2 and this
/// message; the web host with a 400 ProblemDetails carrying the same message.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
