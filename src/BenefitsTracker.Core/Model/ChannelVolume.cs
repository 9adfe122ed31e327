using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>Monthly usage rollup for one service and channel: quantities summed by event type.</summary>
public sealed record ChannelVolume(string Service, string Channel, Month Month, long Completed, long Started, long Failed);
