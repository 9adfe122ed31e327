namespace BenefitsTracker.Core.Domain;

/// <summary>The channels a transaction can arrive through (SPEC.md, events).</summary>
public static class Channels
{
    /// <summary>The channel keys as the events feed writes them (SPEC.md).</summary>
    public const string Web = "web", App = "app", Email = "email", Phone = "phone",
        FaceToFace = "face_to_face", Post = "post", Chat = "chat", Other = "other";

    /// <summary>Every known channel, in the order reports list them.</summary>
    public static readonly IReadOnlyList<string> All = [Web, App, Email, Phone, FaceToFace, Post, Chat, Other];

    /// <summary>Whether <paramref name="channel"/> is one of <see cref="All"/> (case-sensitive).</summary>
    public static bool IsKnown(string channel) => All.Contains(channel, StringComparer.Ordinal);

    /// <summary>Sort key for display: known channels in <see cref="All"/> order, unknown ones after.</summary>
    public static int Order(string channel)
    {
        for (var i = 0; i < All.Count; i++) if (All[i] == channel) return i;
        return All.Count;
    }
}
