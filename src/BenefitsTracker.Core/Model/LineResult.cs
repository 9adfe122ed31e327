using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>A benefit line's period figures.</summary>
public sealed record LineResult(
    BenefitLine Line,
    bool Enabled,
    decimal Gross,
    decimal Adjusted,
    bool Cashable,
    ConfidenceInterval? Ci95);
