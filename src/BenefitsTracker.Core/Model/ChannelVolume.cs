using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// Monthly usage rollup for one service and channel: quantities summed by event type, and the user
/// satisfaction ratings given (<see cref="Ratings"/>, of which <see cref="Satisfied"/> rated 4 or 5).
/// </summary>
public sealed record ChannelVolume(string Service, string Channel, Month Month, long Completed, long Started, long Failed,
    long Ratings = 0, long Satisfied = 0);
