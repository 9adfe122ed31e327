namespace BenefitsTracker.Core.Model;

/// <summary>
/// The NPV with every input at the end of its range that lowers it (low), as assumed (central), and
/// at the end that raises it (high).
/// </summary>
public sealed record ScenarioFigures(decimal LowNpv, decimal CentralNpv, decimal HighNpv);
