using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>One month of offline transactions: observed, the counterfactual's, and its 95% band (after go-live only).</summary>
public sealed record CounterfactualMonth(Month Month, decimal Observed, decimal Projected, decimal? Low, decimal? High, bool AfterGoLive);
