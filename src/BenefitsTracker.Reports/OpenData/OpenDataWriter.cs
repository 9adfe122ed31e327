using System.Globalization;
using System.Text;
using System.Text.Json;
using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.OpenData;

/// <summary>
/// Open data (`benefits publish`): the four service KPIs as tidy CSV, one row per service, channel, month and
/// measure with its unit, and a CSV on the Web (W3C CSVW) metadata file describing each column, ready for a
/// council's open-data page. Drawn from <see cref="SavingsResult.Kpis"/>; a consortium's file is shared beyond
/// one council, so it goes through <see cref="KpiDisclosure"/>: a hidden value is empty and its marker says why.
/// </summary>
public static class OpenDataWriter
{
    public const string CsvName = "kpis.csv", MetadataName = "kpis.csv-metadata.json";
    /// <summary>The channel of a service-wide row.</summary>
    public const string AllChannels = "all";
    public const string Unknown = "unknown";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The measures, in row order, with their units.</summary>
    public static readonly IReadOnlyList<(string Measure, string Unit)> Measures =
    [
        ("transactions", "count"),
        (Kpi.CostPerTransaction.Key(), "GBP per transaction"),
        (Kpi.DigitalTakeUp.Key(), "ratio"),
        (Kpi.CompletionRate.Key(), "ratio"),
        (Kpi.UserSatisfaction.Key(), "ratio"),
        ("ratings", "count"),
    ];

    public static readonly IReadOnlyList<string> Columns = ["organisation", "service", "channel", "month", "measure", "value", "unit",
        "target", "marker"];

    /// <summary>Writes kpis.csv and kpis.csv-metadata.json into <paramref name="outDir"/>; returns the rows written.</summary>
    public static int Write(SavingsResult result, string outDir, DateTimeOffset generatedAt)
    {
        Directory.CreateDirectory(outDir);
        var rows = Rows(result);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var row in rows) csv.Append(string.Join(',', row.Select(Escape))).Append("\r\n");
        File.WriteAllText(Path.Combine(outDir, CsvName), csv.ToString(), new UTF8Encoding(false));
        File.WriteAllBytes(Path.Combine(outDir, MetadataName), Metadata(result, generatedAt));
        return rows.Count;
    }

    /// <summary>Every row, in service, month, channel, measure order.</summary>
    public static IReadOnlyList<string[]> Rows(SavingsResult r)
    {
        var view = KpiDisclosure.Of(r);
        var controlled = view.View.Controlled;
        var rows = new List<string[]>();
        foreach (var k in r.Kpis)
        {
            var channels = k.Months.Where(m => m.Figures is not null).SelectMany(m => m.Figures!.ByChannel.Keys)
                .Distinct(StringComparer.Ordinal).OrderBy(Channels.Order).ThenBy(c => c, StringComparer.Ordinal).ToList();
            for (var i = 0; i < k.Months.Count; i++)
            {
                var m = k.Months[i];
                var month = m.Month.ToString();
                string[] Row(string channel, string measure, string unit, string value, string target, string marker) =>
                    [r.Scope.Id, k.Service, channel, month, measure, value, unit, target, marker];
                if (m.Figures is not { } f)
                {
                    foreach (var channel in channels) rows.Add(Row(channel, "transactions", "count", "", "", Unknown));
                    foreach (var (measure, unit) in Measures) rows.Add(Row(AllChannels, measure, unit, "", Target(k.Targets, measure), Unknown));
                    continue;
                }
                var index = i;
                Shown Status(Kpi kpi) => controlled ? view.Month(k.Service, index, kpi) : Shown.Value;
                var transactions = Status(Kpi.DigitalTakeUp);
                // Channels add up to the month's transactions: a row, hidden whole where the total is hidden.
                var hiddenChannels = transactions == Shown.Value
                    ? view.View.Row(channels.Select(c => KeyValuePair.Create(c, f.ByChannel.GetValueOrDefault(c))))
                    : channels.Where(c => f.ByChannel.GetValueOrDefault(c) != 0).ToDictionary(c => c,
                        c => Core.Method.Suppression.Hides(f.ByChannel[c], view.View.Threshold) ? Shown.Small : Shown.Confidential);
                foreach (var channel in channels)
                {
                    var n = f.ByChannel.GetValueOrDefault(channel);
                    rows.Add(hiddenChannels.TryGetValue(channel, out var s)
                        ? Row(channel, "transactions", "count", "", "", view.View.Symbol(s))
                        : Row(channel, "transactions", "count", n.ToString(Inv), "", ""));
                }
                foreach (var (measure, unit) in Measures)
                {
                    var (value, shown) = measure switch
                    {
                        "transactions" => (f.Transactions, transactions),
                        "ratings" => (f.Ratings, Status(Kpi.UserSatisfaction)),
                        _ => (f.Value(KpiOf(measure)), Status(KpiOf(measure))),
                    };
                    var marker = shown == Shown.Value ? "" : measure is "transactions" or "ratings" ? view.View.Symbol(shown)
                        : DisclosureView.ConfidentialSymbol;
                    rows.Add(Row(AllChannels, measure, unit, shown == Shown.Value ? Number(measure, value) : "", Target(k.Targets, measure), marker));
                }
            }
        }
        return rows;
    }

    private static Kpi KpiOf(string measure) => Kpis.All.Single(k => k.Key() == measure);

    private static string Target(KpiTargets? targets, string measure)
    {
        foreach (var kpi in Kpis.All)
            if (kpi.Key() == measure) return targets?.Of(kpi) is { } t ? Number(measure, t) : "";
        return "";
    }

    /// <summary>Money to the penny, ratios to six decimals, counts whole; empty where there is nothing to divide by.</summary>
    private static string Number(string measure, decimal? value) => value is not { } v ? ""
        : measure == Kpi.CostPerTransaction.Key() ? Money.ToPence(v).ToString("0.00", Inv)
        : v.ToString("0.######", Inv);

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The CSVW metadata (https://www.w3.org/TR/tabular-metadata/): the table, its columns, datatypes and primary key.</summary>
    private static byte[] Metadata(SavingsResult r, DateTimeOffset generatedAt)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var view = DisclosureView.Of(r);
            w.WriteStartObject();
            w.WriteString("@context", "http://www.w3.org/ns/csvw");
            w.WriteString("url", CsvName);
            w.WriteString("dc:title", $"Service performance indicators: {r.Scope.Name}, {r.Request.From} to {r.Request.To}");
            w.WriteString("dc:description",
                "The four GOV.UK Service Manual performance indicators (cost per transaction, digital take-up, completion rate, user satisfaction) " +
                "per service and month, with completed transactions by channel and the satisfaction ratings they rest on. A month without data is " +
                $"'{Unknown}', not zero. Method: docs/method.md, The four service KPIs." +
                (view.Controlled ? $" Shared beyond one council: a count below {view.Threshold} is withheld with marker '{view.SmallSymbol}', a " +
                    $"value hidden to protect one, or resting on one, with '{DisclosureView.ConfidentialSymbol}'." : ""));
            w.WriteString("dc:publisher", r.Scope.Name);
            w.WriteString("dc:issued", generatedAt.UtcDateTime.ToString("yyyy-MM-dd", Inv));
            w.WriteString("dc:license", "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");
            w.WriteString("dc:creator", r.Lineage.SoftwareVersion);
            w.WritePropertyName("tableSchema");
            w.WriteStartObject();
            w.WritePropertyName("columns");
            w.WriteStartArray();
            Column(w, "organisation", "string", true, r.Scope.Kind == ScopeKind.Council ? "The council's ONS GSS code" : "The consortium's id");
            Column(w, "service", "string", true, "The service (its slug)");
            Column(w, "channel", Enumeration([.. Channels.All, AllChannels]), true,
                $"The channel of a transactions count, or '{AllChannels}' for a service-wide measure");
            Column(w, "month", "gYearMonth", true, "The calendar month (YYYY-MM)");
            Column(w, "measure", Enumeration(Measures.Select(m => m.Measure)), true,
                "transactions: completed transactions; cost_per_transaction_gbp: channel cost and the service's own digital costs per completed " +
                    "transaction; " +
                "digital_take_up: digital of all completed transactions; completion_rate: completed of started online (web and app, where starts " +
                    "are recorded); " +
                "user_satisfaction: ratings of 4 or 5 of all ratings (1 very dissatisfied to 5 very satisfied); ratings: satisfaction ratings given");
            Column(w, "value", "decimal", false, "The value; empty when unknown, withheld (see marker) or with nothing to divide by", nullable: true);
            Column(w, "unit", Enumeration(Measures.Select(m => m.Unit).Distinct()), true,
                "count, ratio (a fraction: 0.42 is 42%) or GBP per transaction");
            Column(w, "target", "decimal", false, "The service's target for the measure (assumptions), where one is set", nullable: true);
            Column(w, "marker", new Pattern("<[0-9]+|\\[c\\]|" + Unknown), false,
                $"Why a value is missing: '{Unknown}' (a month outside the data), '<N' (a count below the suppression threshold), '[c]' (hidden to " +
                    $"protect a small count, or resting on one)", nullable: true);
            w.WriteEndArray();
            w.WritePropertyName("primaryKey");
            w.WriteStartArray();
            foreach (var key in new[] { "organisation", "service", "channel", "month", "measure" }) w.WriteStringValue(key);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private sealed record Pattern(string Regex);

    /// <summary>One of the values (slugs and plain words, so none needs escaping in the pattern).</summary>
    private static Pattern Enumeration(IEnumerable<string> values) => new(string.Join('|', values));

    private static void Column(Utf8JsonWriter w, string name, object datatype, bool required, string description, bool nullable = false)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("titles", name);
        w.WriteString("dc:description", description);
        w.WritePropertyName("datatype");
        if (datatype is Pattern p)
        {
            w.WriteStartObject();
            w.WriteString("base", "string");
            w.WriteString("format", p.Regex);
            w.WriteEndObject();
        }
        else w.WriteStringValue((string)datatype);
        w.WriteBoolean("required", required);
        if (nullable) w.WriteString("null", "");
        w.WriteEndObject();
    }
}
