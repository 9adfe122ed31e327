namespace BenefitsTracker.Core.Domain;

/// <summary>The channels a transaction can arrive through (SPEC.md, events).</summary>
public static class Channels
{
    public const string Web = "web", App = "app", Email = "email", Phone = "phone",
        FaceToFace = "face_to_face", Post = "post", Chat = "chat", Other = "other";

    /// <summary>Every known channel, in the order reports list them.</summary>
    public static readonly IReadOnlyList<string> All = [Web, App, Email, Phone, FaceToFace, Post, Chat, Other];

    public static bool IsKnown(string channel) => All.Contains(channel, StringComparer.Ordinal);

    /// <summary>Sort key for display: known channels in <see cref="All"/> order, unknown ones after.</summary>
    public static int Order(string channel)
    {
        for (var i = 0; i < All.Count; i++) if (All[i] == channel) return i;
        return All.Count;
    }
}

/// <summary>Usage event types. Only <see cref="Completed"/> is a transaction (METHOD.md, Inputs).</summary>
public static class EventTypes
{
    public const string Completed = "transaction_completed", Started = "transaction_started",
        Failed = "transaction_failed", PageView = "page_view", MapView = "map_view",
        DocumentDownload = "document_download", SatisfactionRating = "satisfaction_rating";

    public static readonly IReadOnlyList<string> All = [Completed, Started, Failed, PageView, MapView, DocumentDownload, SatisfactionRating];

    public static bool IsKnown(string eventType) => All.Contains(eventType, StringComparer.Ordinal);
}

/// <summary>Cost line categories: baseline spend digital can avoid, and the cost of the digital service.</summary>
public static class CostCategories
{
    public const string Print = "print", Postage = "postage", Licence = "licence",
        Implementation = "implementation", Hosting = "hosting", Support = "support", Other = "other";

    public static readonly IReadOnlyList<string> All = [Print, Postage, Licence, Implementation, Hosting, Support, Other];
    public static readonly IReadOnlyList<string> Baseline = [Print, Postage];
    public static readonly IReadOnlyList<string> Digital = [Licence, Implementation, Hosting, Support, Other];

    public static bool IsKnown(string category) => All.Contains(category, StringComparer.Ordinal);
    public static bool IsBaseline(string category) => category is Print or Postage;
}
