namespace BenefitsTracker.Core.GreenBook;

/// <summary>What kind of input an <see cref="AppraisalInput"/> is, which says how NPV depends on it.</summary>
internal enum InputKind { Price, Deadweight, Attribution, OptimismBias, OptimismBiasCosts, TotalCosts }
