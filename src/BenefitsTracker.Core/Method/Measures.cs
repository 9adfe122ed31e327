namespace BenefitsTracker.Core.Method;

/// <summary>METHOD.md, Measures (no money): take-up, completion rate, cost per transaction.</summary>
public static class Measures
{
    /// <summary>Digital transactions / all transactions (each service's own digital channels); null when there are none.</summary>
    public static decimal? DigitalTakeUp(long digitalTransactions, long transactions) =>
        transactions == 0 ? null : (decimal)digitalTransactions / transactions;

    /// <summary>
    /// Completed / started on web and app, counting only (service, channel, month) cells where starts
    /// were recorded, so that services that do not record starts do not inflate the rate; null when none were.
    /// </summary>
    public static decimal? CompletionRate(long completedWhereStarted, long started) =>
        started == 0 ? null : (decimal)completedWhereStarted / started;

    /// <summary>(Σ_ch V(ch)·u(ch) + digital service costs C) / transactions; null when there are no transactions.</summary>
    public static decimal? CostPerTransaction(decimal channelCost, decimal costs, long transactions) =>
        transactions == 0 ? null : (channelCost + costs) / transactions;

    /// <summary>
    /// METHOD.md v2, user satisfaction: ratings of 4 or 5 / all ratings (the Service Manual's five-point
    /// scale); null when there are no ratings.
    /// </summary>
    public static decimal? UserSatisfaction(long satisfied, long ratings) =>
        ratings == 0 ? null : (decimal)satisfied / ratings;

    /// <summary>The channels whose starts and completions make the completion rate (METHOD.md: web and app only).</summary>
    public static readonly IReadOnlyList<string> CompletionChannels = [Domain.Channels.Web, Domain.Channels.App];
}
