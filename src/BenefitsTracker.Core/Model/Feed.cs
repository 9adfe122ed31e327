namespace BenefitsTracker.Core.Model;

/// <summary>A kind of data a council sends: each reaches over its own months (METHOD.md v2, No data is not zero).</summary>
public enum Feed
{
    /// <summary>Usage events (transactions by channel, failures for avoidable contact).</summary>
    Events,
    /// <summary>Case records (officer time).</summary>
    Cases,
    /// <summary>Cost lines (print and postage spend, and the digital service's costs).</summary>
    CostLines,
}
