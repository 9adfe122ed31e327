namespace BenefitsTracker.Core.Domain;

/// <summary>Usage event types. Only <see cref="Completed"/> is a transaction (METHOD.md, Inputs).</summary>
public static class EventTypes
{
    public const string Completed = "transaction_completed", Started = "transaction_started",
        Failed = "transaction_failed", PageView = "page_view", MapView = "map_view",
        DocumentDownload = "document_download", SatisfactionRating = "satisfaction_rating";

    public static readonly IReadOnlyList<string> All = [Completed, Started, Failed, PageView, MapView, DocumentDownload, SatisfactionRating];

    public static bool IsKnown(string eventType) => All.Contains(eventType, StringComparer.Ordinal);
}
