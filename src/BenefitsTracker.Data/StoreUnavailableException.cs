namespace BenefitsTracker.Data;

/// <summary>
/// The store cannot be used: missing (for a reader), not a database, or locked. The message is one line for a
/// person, naming the store; <see cref="IsUserError"/> says whether the user can fix it by what they typed
/// (exit 2) or must wait or free something (exit 1).
/// </summary>
public sealed class StoreUnavailableException(string message, bool isUserError, Exception? inner = null) : Exception(message, inner)
{
    public bool IsUserError { get; } = isUserError;
}
