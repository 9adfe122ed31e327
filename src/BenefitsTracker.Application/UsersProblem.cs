using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Method;

namespace BenefitsTracker.Application;

/// <summary>
/// Which failures of a use case are the caller's to mend (a bad argument, an assumptions file the method refuses,
/// a period with no data) rather than a fault of the service: the web host answers them 400 with the message, as the
/// command line exits 2 with it.
/// </summary>
public static class UsersProblem
{
    /// <summary>True for <see cref="UsageException"/>, <see cref="MethodException"/> and <see cref="AssumptionsException"/>.</summary>
    public static bool Is(Exception e) => e is UsageException or MethodException or AssumptionsException;
}
