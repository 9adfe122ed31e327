using System.Text.Json;
using System.Text.Json.Nodes;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Application.Jobs;

/// <summary>
/// A <see cref="Phrase"/> as the store keeps it beside its English (data_quality_findings.detail_phrase): JSON with its
/// code, its English and its values in order, each tagged by kind so that it reads back as it was given:
/// <code>{"code":"data_quality.gap.between","english":"no events in 2024-03, …","args":[{"name":"month","month":"2024-03"}]}</code>
/// A value is one of <c>"text"</c>, <c>"int"</c>, <c>"long"</c>, <c>"month"</c> (yyyy-MM), <c>"phrase"</c> (a nested
/// phrase) or <c>"phrases"</c> (a list of them): the kinds <see cref="Phrase.Of"/> takes. A row with none (written before
/// the migration DataQualityDetailPhrase), or with JSON this version cannot read, is its English as
/// <see cref="Phrase.Text"/>: shown as stored, never an error.
/// </summary>
public static class StoredPhrase
{
    /// <summary>The phrase as JSON, for the store.</summary>
    public static string Serialise(Phrase phrase) => ToNode(phrase).ToJsonString();

    /// <summary>
    /// The phrase stored as <paramref name="json"/>; <see cref="Phrase.Text"/> of <paramref name="english"/> when there is
    /// none or it cannot be read.
    /// </summary>
    public static Phrase Read(string? json, string english)
    {
        if (string.IsNullOrWhiteSpace(json)) return Phrase.Text(english);
        try
        {
            return JsonNode.Parse(json) is JsonObject o ? FromNode(o) : Phrase.Text(english);
        }
        // Whatever is wrong with it (bad JSON, a value of the wrong kind, a null where a value should be), never an error.
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException
                                      or NullReferenceException or InvalidCastException)
        {
            return Phrase.Text(english);
        }
    }

    private static JsonObject ToNode(Phrase phrase)
    {
        var args = new JsonArray();
        foreach (var (name, value) in phrase.Args)
        {
            var arg = new JsonObject { ["name"] = name };
            switch (value)
            {
                case string s: arg["text"] = s; break;
                case int i: arg["int"] = i; break;
                case long l: arg["long"] = l; break;
                case Month m: arg["month"] = m.ToString(); break;
                case Phrase p: arg["phrase"] = ToNode(p); break;
                case IReadOnlyList<Phrase> list: arg["phrases"] = new JsonArray([.. list.Select(p => (JsonNode)ToNode(p))]); break;
                default: throw new ArgumentException($"Phrase \"{phrase.Code}\": a {value.GetType().Name} cannot be stored", nameof(phrase));
            }
            args.Add(arg);
        }
        return new JsonObject { ["code"] = phrase.Code, ["english"] = phrase.English, ["args"] = args };
    }

    private static Phrase FromNode(JsonObject o)
    {
        var args = new List<(string, object)>();
        foreach (var node in o["args"]?.AsArray() ?? [])
        {
            var arg = node!.AsObject();
            var name = (string?)arg["name"] is { Length: > 0 } n ? n : throw new FormatException("a value has no name");
            object value = arg switch
            {
                _ when arg["text"] is { } t => (string)t!,
                _ when arg["int"] is { } i => (int)i!,
                _ when arg["long"] is { } l => (long)l!,
                _ when arg["month"] is { } m => Month.Parse((string)m!),
                _ when arg["phrase"] is JsonObject p => FromNode(p),
                _ when arg["phrases"] is JsonArray list => (IReadOnlyList<Phrase>)[.. list.Select(p => FromNode(p!.AsObject()))],
                _ => throw new FormatException($"value \"{name}\" has no kind"),
            };
            args.Add((name, value));
        }
        return Phrase.Of((string)o["code"]!, (string)o["english"]!, [.. args]);
    }
}
