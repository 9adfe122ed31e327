using System.Globalization;
using System.Text;
using System.Text.Json;
using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.Manifest;

/// <summary>
/// Writes manifest.json (SPEC.md): the machine-readable result of a report. Money with two decimals,
/// ratios as fractions. A consortium's manifest is shared beyond one council: it renders the result's
/// <see cref="DisclosureView"/> (small counts "&lt;N", cells hidden beside them "[c]", withheld members
/// whole) and says so in its "disclosure" object.
/// </summary>
public static class ManifestWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(SavingsResult result, string path, DateTimeOffset generatedAt)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, ToUtf8(result, generatedAt));
    }

    public static byte[] ToUtf8(SavingsResult result, DateTimeOffset generatedAt)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var view = DisclosureView.Of(result);
            var disclosure = view.Controlled ? view : null;
            w.WriteStartObject();
            WriteBody(w, result, disclosure);
            if (result.Comparison is { } comparison) WriteComparison(w, comparison, view);
            if (disclosure is not null) WriteDisclosure(w, disclosure);
            WriteCoverage(w, result);
            AppraisalManifest.Write(w, result);
            CounterfactualManifest.Write(w, result);
            w.WritePropertyName("inputs");
            w.WriteStartArray();
            foreach (var input in result.Lineage.Inputs)
            {
                w.WriteStartObject();
                w.WriteString("file", input.File);
                w.WriteString("sha256", input.Sha256);
                w.WriteNumber("accepted", input.Accepted);
                w.WriteNumber("rejected", input.Rejected);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WritePropertyName("data_range");
            w.WriteStartObject();
            WriteMonthOrNull(w, "from", result.Lineage.DataFrom);
            WriteMonthOrNull(w, "to", result.Lineage.DataTo);
            w.WriteEndObject();
            w.WritePropertyName("assumptions");
            w.WriteStartObject();
            w.WriteString("version", result.Lineage.AssumptionsVersion);
            w.WriteString("sha256", result.Lineage.AssumptionsSha256);
            w.WriteEndObject();
            w.WriteString("generated_by", result.Lineage.SoftwareVersion);
            w.WriteString("generated_at", generatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv));
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>
    /// Each council's feeds: how far each reaches, the months of the period it leaves unknown (not zero),
    /// and the lines not counted in them.
    /// </summary>
    private static void WriteCoverage(Utf8JsonWriter w, SavingsResult r)
    {
        w.WritePropertyName("coverage");
        w.WriteStartArray();
        foreach (var c in r.Coverage)
        {
            w.WriteStartObject();
            w.WriteString("council", c.Council);
            w.WriteBoolean("complete", c.Complete);
            foreach (var f in c.Feeds)
            {
                w.WritePropertyName(f.Feed switch { Feed.Events => "events", Feed.Cases => "cases", _ => "cost_lines" });
                w.WriteStartObject();
                WriteMonthOrNull(w, "from", f.From);
                WriteMonthOrNull(w, "to", f.To);
                w.WritePropertyName("unknown_months");
                w.WriteStartArray();
                foreach (var m in f.UnknownMonths) w.WriteStringValue(m.ToString());
                w.WriteEndArray();
                w.WritePropertyName("lines_not_counted_there");
                w.WriteStartArray();
                foreach (var l in f.Lines) w.WriteStringValue(l.Key());
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>What the symbols mean, and who is withheld: the note every shared output carries.</summary>
    private static void WriteDisclosure(Utf8JsonWriter w, DisclosureView view)
    {
        w.WritePropertyName("disclosure");
        w.WriteStartObject();
        w.WriteNumber("threshold", view.Threshold);
        w.WriteString("small", view.SmallSymbol);
        w.WriteString("confidential", DisclosureView.ConfidentialSymbol);
        w.WritePropertyName("withheld_members");
        w.WriteStartObject();
        foreach (var (code, shown) in view.Members.OrderBy(m => m.Key, StringComparer.Ordinal)) w.WriteString(code, view.Symbol(shown));
        w.WriteEndObject();
        w.WriteString("note", view.Note + " Each member's months are in its own manifest, not here: beside the consortium's months they would give " +
            "the withheld members' months away.");
        w.WriteEndObject();
    }

    /// <summary>The part of the manifest that a consortium repeats for each member.</summary>
    private static void WriteBody(Utf8JsonWriter w, SavingsResult r, DisclosureView? disclosure, KpiDisclosure? sharedKpis = null)
    {
        WriteScope(w, r);

        var t = r.Totals;
        var withheld = disclosure is not null && disclosure.Count(t.Transactions) != Shown.Value;
        w.WritePropertyName("totals");
        w.WriteStartObject();
        WriteCount(w, "transactions", t.Transactions, disclosure);
        WriteRatio(w, "digital_take_up", withheld ? null : t.DigitalTakeUp);
        WriteMoney(w, "gross_benefit_gbp", t.GrossBenefit);
        WriteMoney(w, "adjusted_benefit_gbp", t.AdjustedBenefit);
        WriteMoney(w, "cashable_gbp", t.Cashable);
        WriteMoney(w, "non_cashable_gbp", t.NonCashable);
        WriteMoney(w, "costs_gbp", t.Costs);
        WriteMoney(w, "net_benefit_gbp", t.NetBenefit);
        WriteRatio(w, "roi", t.Roi);
        WriteRatio(w, "bcr", t.Bcr);
        WriteMoney(w, "npv_gbp", t.Npv);
        WriteMonthOrNull(w, "payback_month", t.PaybackMonth);
        WriteMoney(w, "officer_hours_released", t.OfficerHoursReleased);
        WriteRatio(w, "completion_rate", withheld ? null : t.CompletionRate);
        WriteMoney(w, "cost_per_transaction_gbp", withheld ? null : t.CostPerTransaction);
        WriteCount(w, "closed_cases", t.ClosedCases, disclosure);
        WriteCount(w, "open_cases", t.OpenCases, disclosure);
        w.WriteEndObject();

        w.WritePropertyName("lines");
        w.WriteStartArray();
        foreach (var line in r.Lines)
        {
            w.WriteStartObject();
            w.WriteString("line", line.Line.Key());
            w.WriteBoolean("enabled", line.Enabled);
            WriteMoney(w, "gross_gbp", line.Gross);
            WriteMoney(w, "adjusted_gbp", line.Adjusted);
            w.WriteBoolean("cashable", line.Cashable);
            if (line.Ci95 is { } ci)
            {
                w.WritePropertyName("ci95_gbp");
                w.WriteStartArray();
                WriteMoneyValue(w, ci.Low);
                WriteMoneyValue(w, ci.High);
                w.WriteEndArray();
            }
            else w.WriteNull("ci95_gbp");
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WritePropertyName("months");
        w.WriteStartArray();
        // A shared manifest's members carry no months (see the disclosure note).
        var asMember = sharedKpis is not null;
        for (var i = 0; i < (asMember ? 0 : r.Months.Count); i++)
        {
            var m = r.Months[i];
            w.WriteStartObject();
            w.WriteString("month", m.Month.ToString());
            WriteCount(w, "transactions", m.Transactions, disclosure);
            var hidden = disclosure?.Channels(i);
            w.WritePropertyName("by_channel");
            w.WriteStartObject();
            foreach (var (channel, count) in m.ByChannel.OrderBy(kv => Channels.Order(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (hidden is not null && hidden.TryGetValue(channel, out var shown)) w.WriteString(channel, disclosure!.Symbol(shown));
                else w.WriteNumber(channel, count);
            }
            w.WriteEndObject();
            WriteMoney(w, "gross_benefit_gbp", m.GrossBenefit);
            WriteMoney(w, "adjusted_benefit_gbp", m.AdjustedBenefit);
            WriteMoney(w, "cashable_gbp", m.Cashable);
            WriteMoney(w, "non_cashable_gbp", m.NonCashable);
            WriteMoney(w, "costs_gbp", m.Costs);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        KpiManifest.Write(w, r, sharedKpis);

        w.WritePropertyName("members");
        w.WriteStartArray();
        foreach (var member in r.Members)
        {
            w.WriteStartObject();
            if (disclosure is not null && disclosure.Member(member.Scope.Id) is var shown && shown != Shown.Value)
                WriteWithheldMember(w, member, disclosure.Symbol(shown));
            else WriteBody(w, member, disclosure, KpiDisclosure.Of(r));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Who and when: scope, name, period and service.</summary>
    private static void WriteScope(Utf8JsonWriter w, SavingsResult r)
    {
        w.WritePropertyName("scope");
        w.WriteStartObject();
        w.WriteString(r.Scope.Kind == ScopeKind.Council ? "council" : "consortium", r.Scope.Id);
        w.WriteEndObject();
        w.WriteString("name", r.Scope.Name);
        w.WriteString("from", r.Request.From.ToString());
        w.WriteString("to", r.Request.To.ToString());
        if (r.Request.Service is null) w.WriteNull("service"); else w.WriteString("service", r.Request.Service);
    }

    /// <summary>
    /// A member whose transactions are below the threshold (or hidden beside one that is): every
    /// figure is derived from its counts, so only who it is and that it is withheld are shown.
    /// </summary>
    private static void WriteWithheldMember(Utf8JsonWriter w, SavingsResult r, string symbol)
    {
        WriteScope(w, r);
        w.WriteBoolean("suppressed", true);
        w.WritePropertyName("totals");
        w.WriteStartObject();
        w.WriteString("transactions", symbol);
        w.WriteEndObject();
        w.WritePropertyName("lines");
        w.WriteStartArray();
        w.WriteEndArray();
        w.WritePropertyName("months");
        w.WriteStartArray();
        w.WriteEndArray();
        w.WritePropertyName("kpis");
        w.WriteStartArray();
        w.WriteEndArray();
        w.WritePropertyName("members");
        w.WriteStartArray();
        w.WriteEndArray();
    }

    private static void WriteComparison(Utf8JsonWriter w, ConsortiumComparison c, DisclosureView view)
    {
        w.WritePropertyName("comparison");
        w.WriteStartObject();
        w.WriteString("apportionment", c.Apportionment);
        w.WriteNumber("suppression_threshold", c.SuppressionThreshold);
        if (c.PopulationSource is { } source) w.WriteString("population_source", source); else w.WriteNull("population_source");
        w.WritePropertyName("members");
        w.WriteStartArray();
        foreach (var m in c.Members)
        {
            w.WriteStartObject();
            w.WriteString("council", m.Code);
            w.WriteString("name", m.Name);
            if (m.Population is { } p) w.WriteNumber("population", p); else w.WriteNull("population");
            if (m.Transactions is { } n) w.WriteNumber("transactions", n);
            else w.WriteString("transactions", view.Symbol(view.Member(m.Code) is var shown && shown != Shown.Value ? shown : Shown.Confidential));
            w.WriteBoolean("suppressed", m.Suppressed);
            WriteMoney(w, "adjusted_benefit_gbp", m.AdjustedBenefit);
            WriteMoney(w, "adjusted_benefit_per_1000_residents_gbp", m.AdjustedBenefitPer1000Residents);
            WriteRatio(w, "digital_take_up", m.DigitalTakeUp);
            WriteMoney(w, "cost_per_transaction_gbp", m.CostPerTransaction);
            WriteRatio(w, "shared_cost_fraction", m.SharedCostShare);
            WriteMoney(w, "costs_gbp", m.Costs);
            WriteMoney(w, "net_benefit_gbp", m.NetBenefit);
            WriteRatio(w, "roi", m.Roi);
            WriteMoney(w, "benefit_per_transaction_gbp", m.BenefitPerTransaction);
            WriteMoney(w, "cost_per_1000_residents_gbp", m.CostPer1000Residents);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("median");
        w.WriteStartObject();
        var md = c.Median;
        WriteMoney(w, "adjusted_benefit_gbp", md.AdjustedBenefit);
        WriteMoney(w, "adjusted_benefit_per_1000_residents_gbp", md.AdjustedBenefitPer1000Residents);
        WriteRatio(w, "digital_take_up", md.DigitalTakeUp);
        WriteMoney(w, "cost_per_transaction_gbp", md.CostPerTransaction);
        WriteMoney(w, "costs_gbp", md.Costs);
        WriteMoney(w, "net_benefit_gbp", md.NetBenefit);
        WriteRatio(w, "roi", md.Roi);
        WriteMoney(w, "benefit_per_transaction_gbp", md.BenefitPerTransaction);
        WriteMoney(w, "cost_per_1000_residents_gbp", md.CostPer1000Residents);
        w.WriteEndObject();
        // The assumptions that are not the same for every member, with each member's value.
        w.WritePropertyName("assumptions_that_differ");
        w.WriteStartArray();
        foreach (var d in c.DifferingAssumptions)
        {
            w.WriteStartObject();
            w.WriteString("key", d.Key);
            w.WritePropertyName("values");
            w.WriteStartObject();
            foreach (var v in d.Values)
                if (v.Value is { } text) w.WriteString(v.Code, text); else w.WriteNull(v.Code);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCount(Utf8JsonWriter w, string name, long value, DisclosureView? disclosure)
    {
        if (disclosure is not null && disclosure.Count(value) is var shown && shown != Shown.Value) w.WriteString(name, disclosure.Symbol(shown));
        else w.WriteNumber(name, value);
    }

    private static void WriteMoney(Utf8JsonWriter w, string name, decimal? value)
    {
        w.WritePropertyName(name);
        if (value is { } v) WriteMoneyValue(w, v); else w.WriteNullValue();
    }

    /// <summary>Two decimals always: adding 0.00m gives a pence-rounded decimal a scale of exactly two.</summary>
    private static void WriteMoneyValue(Utf8JsonWriter w, decimal value) => w.WriteNumberValue(Money.ToPence(value) + 0.00m);

    /// <summary>Ratios as fractions, the shortest text that reads back as the same double.</summary>
    private static void WriteRatio(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v) w.WriteNumber(name, (double)v); else w.WriteNull(name);
    }

    private static void WriteMonthOrNull(Utf8JsonWriter w, string name, Month? month)
    {
        if (month is { } m) w.WriteString(name, m.ToString()); else w.WriteNull(name);
    }

    /// <summary>UTF-8 text of the manifest, for callers that print it.</summary>
    public static string ToText(SavingsResult result, DateTimeOffset generatedAt) => Encoding.UTF8.GetString(ToUtf8(result, generatedAt));
}
