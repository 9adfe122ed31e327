namespace BenefitsTracker.Core.Assumptions;

/// <summary>
/// A council's estimated deadweight for one service, as the Application layer hands it to the
/// assumptions (Core does not reference the estimator): the value to use, or null with the reason
/// there is none, and in either case where it came from in words.
/// </summary>
/// <param name="Value">The estimated deadweight, 0 to 1; null where no estimate could be made.</param>
/// <param name="Source">Which method gave it and over which months, or why none could be made.</param>
public sealed record DeadweightEstimate(decimal? Value, string Source);
