namespace BenefitsTracker.Core.Domain;

/// <summary>Usage event types. Only <see cref="Completed"/> is a transaction (METHOD.md, Inputs).</summary>
public static class EventTypes
{
    /// <summary>The event type keys as the events feed writes them (SPEC.md).</summary>
    public const string Completed = "transaction_completed", Started = "transaction_started",
        Failed = "transaction_failed", PageView = "page_view", MapView = "map_view",
        DocumentDownload = "document_download", SatisfactionRating = "satisfaction_rating";

    /// <summary>Every known event type.</summary>
    public static readonly IReadOnlyList<string> All = [Completed, Started, Failed, PageView, MapView, DocumentDownload, SatisfactionRating];

    /// <summary>Whether <paramref name="eventType"/> is one of <see cref="All"/> (case-sensitive).</summary>
    public static bool IsKnown(string eventType) => All.Contains(eventType, StringComparer.Ordinal);
}
