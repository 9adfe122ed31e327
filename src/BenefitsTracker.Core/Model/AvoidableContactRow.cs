using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>Count of matched failure → offline pairs in a month, valued at u(offline) − u(digital) each.</summary>
public sealed record AvoidableContactRow(Month Month, string DigitalChannel, string OfflineChannel, long Count, decimal UnitDifference,
    decimal Gross);
