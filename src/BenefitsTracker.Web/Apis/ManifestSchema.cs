using Microsoft.OpenApi;

namespace BenefitsTracker.Web.Apis;

/// <summary>
/// The OpenAPI schema of manifest.json, which the savings and comparison routes answer with (as bytes written once
/// by the report's manifest writer, so the document cannot infer it from a C# type). Every top-level key is named
/// and described, with the totals in full; SPEC.md "manifest.json" and docs/reports.md are the fuller account.
/// A test holds every key of a council's and a consortium's manifest to this list.
/// </summary>
internal static class ManifestSchema
{
    public const string Name = "Manifest";

    private static OpenApiSchema Of(JsonSchemaType type, string description) => new() { Type = type, Description = description };
    private static OpenApiSchema Money(string description) => Of(JsonSchemaType.Number, description + " (pounds, two decimals)");
    private static OpenApiSchema Fraction(string description) =>
        Of(JsonSchemaType.Number | JsonSchemaType.Null, description + " (a fraction: 0.42 is 42%; null when it cannot be worked out)");
    private static OpenApiSchema Month(string description) =>
        new() { Type = JsonSchemaType.String, Pattern = "^[0-9]{4}-[0-9]{2}$", Description = description + " (YYYY-MM)" };
    private static OpenApiSchema Nullable(OpenApiSchema schema)
    {
        schema.Type |= JsonSchemaType.Null;
        return schema;
    }

    private static OpenApiSchema Object(string description, params (string Key, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = properties.ToDictionary(p => p.Key, p => p.Schema),
    };

    private static OpenApiSchema ArrayOf(string description) =>
        new() { Type = JsonSchemaType.Array, Description = description, Items = new OpenApiSchema { Type = JsonSchemaType.Object } };

    /// <summary>Counts are numbers, or in outputs shared beyond one council "&lt;10" below the threshold and "[c]" where hidden.</summary>
    private static OpenApiSchema Count(string description) =>
        Of(JsonSchemaType.Integer | JsonSchemaType.String,
            description + "; in outputs shared beyond one council \"<10\" below the threshold, \"[c]\" when hidden to protect another cell");

    /// <summary>The totals object, shared by the manifest and each consortium member.</summary>
    private static OpenApiSchema Totals() => Object("The period's totals",
        ("transactions", Count("Transactions in the period, every channel")),
        ("digital_take_up", Fraction("Share of transactions made on digital channels")),
        ("gross_benefit_gbp", Money("Benefit before deadweight, displacement, attribution and optimism bias")),
        ("adjusted_benefit_gbp", Money("Benefit after the adjustments; cashable_gbp + non_cashable_gbp")),
        ("cashable_gbp", Money("Adjusted benefit that is cash (print, postage, budgets)")),
        ("non_cashable_gbp", Money("Adjusted benefit that is time released, not cash")),
        ("costs_gbp", Money("Costs of the digital services in the period")),
        ("net_benefit_gbp", Money("adjusted_benefit_gbp − costs_gbp")),
        ("roi", Fraction("Return on investment: net benefit over costs")),
        ("bcr", Fraction("Benefit–cost ratio: adjusted benefit over costs")),
        ("npv_gbp", Money("Net present value at the Green Book discount rate")),
        ("payback_month", Nullable(Month("The month cumulative net benefit turned positive; null when it has not"))),
        ("officer_hours_released", Of(JsonSchemaType.Number, "Officer hours released")),
        ("completion_rate", Fraction("Completed over started digital transactions")),
        ("cost_per_transaction_gbp", Nullable(Money("Costs over transactions"))),
        ("closed_cases", Count("Cases closed in the period")),
        ("open_cases", Count("Cases still open at the period's end")));

    /// <summary>Gives a route's 200 application/json answer this schema (an operation transformer).</summary>
    public static Task Describe(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context,
        CancellationToken ct)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content["application/json"] = new OpenApiMediaType { Schema = Create() };
        }
        return Task.CompletedTask;
    }

    public static OpenApiSchema Create() => Object(
        "A report's figures, as manifest.json: the same bytes `benefits report` writes for the same scope, period and data",
        ("scope", Object("Whose report: {\"council\": GSS code} or {\"consortium\": id}",
            ("council", Of(JsonSchemaType.String, "The council's ONS GSS code")), ("consortium", Of(JsonSchemaType.String, "The consortium's id")))),
        ("name", Of(JsonSchemaType.String, "The council's or consortium's name")),
        ("from", Month("First month of the period")),
        ("to", Month("Last month of the period")),
        ("service", Of(JsonSchemaType.String | JsonSchemaType.Null, "The service slug the report is narrowed to; null for every service")),
        ("totals", Totals()),
        ("lines", ArrayOf("Each benefit line: line, enabled, gross_gbp, adjusted_gbp, cashable, ci95_gbp")),
        ("months", ArrayOf("Each month: transactions, by_channel, gross, adjusted, cashable, non-cashable benefit and costs; a month without data " +
            "is absent (unknown), never zero")),
        ("kpis", ArrayOf("The four service KPIs per service: cost per transaction, digital take-up, completion rate, user satisfaction, with " +
            "targets, the year earlier and months")),
        ("members", ArrayOf(
            "For a consortium, each member council's figures in this same shape (scope, name, totals, lines, months); empty for a council")),
        ("comparison", Object("For a consortium only: members compared fairly, small numbers suppressed",
            ("apportionment", Of(JsonSchemaType.String, "How shared costs are apportioned (population, transactions or equal)")),
            ("suppression_threshold", Of(JsonSchemaType.Integer, "Counts below this are shown as \"<10\"")),
            ("members", ArrayOf("Each member's comparable figures")),
            ("median", Of(JsonSchemaType.Object, "The members' medians")))),
        ("disclosure", Object("For a consortium only: the disclosure rules applied",
            ("threshold", Of(JsonSchemaType.Integer, "Counts below this are suppressed")),
            ("small", Of(JsonSchemaType.String, "The mark of a suppressed small count")),
            ("confidential", Of(JsonSchemaType.String, "The mark of a cell hidden to protect another")),
            ("withheld_members", Of(JsonSchemaType.Object, "Members whose figures are withheld, with why")),
            ("note", Of(JsonSchemaType.String, "The rule in plain English")))),
        ("coverage", ArrayOf("Per council and input kind: the months with data, the unknown months, and the benefit lines not counted there")),
        ("cash", Object("The cash view: cashable benefit only, against every cost",
            ("cashable_net_gbp", Money("cashable_gbp − costs_gbp")),
            ("cashable_roi", Fraction("Cashable net over costs")),
            ("cashable_payback_month", Nullable(Month("The month cumulative cashable net turned positive"))))),
        ("real", Of(JsonSchemaType.Object | JsonSchemaType.Null,
            "Figures in real terms (constant prices of price_base, deflated with HM Treasury's GDP deflators); null when not asked for")),
        ("appraisal", Of(JsonSchemaType.Object | JsonSchemaType.Null,
            "The Green Book appraisal over a horizon beyond the data (years, benefit drop-off, NPV, projected months); null when not asked for")),
        ("switching_values",
            ArrayOf("Per assumption (its key path): the value at which NPV would be zero, and the change from the assumed value in percent")),
        ("scenarios", Object("NPV under the low, central and high assumptions",
            ("low_npv_gbp", Money("NPV, low case")), ("central_npv_gbp", Money("NPV, central case")), ("high_npv_gbp", Money("NPV, high case")))),
        ("tornado", ArrayOf("Per assumption: NPV at its low and high values, largest swing first")),
        ("monte_carlo", Of(JsonSchemaType.Object | JsonSchemaType.Null,
            "Monte Carlo over the assumptions' ranges: draws, seed, P10/P50/P90 of NPV and net, chance NPV is positive; null when not asked for")),
        ("counterfactual", ArrayOf("Per service with a go-live: the estimated deadweight from an interrupted time series or peers, with its 95% " +
            "interval, or why it was refused")),
        ("inputs", ArrayOf("Each file behind the figures: file, sha256, accepted, rejected")),
        ("data_range",
            Object("The months the store holds for this scope", ("from", Month("First month with data")), ("to", Month("Last month with data")))),
        ("assumptions", Object("The assumptions set used", ("version", Of(JsonSchemaType.String, "Its version")),
            ("sha256", Of(JsonSchemaType.String, "The SHA-256 of its file")))),
        ("generated_by", Of(JsonSchemaType.String, "The program and version that computed it")),
        ("generated_at", Of(JsonSchemaType.String, "When it was computed (UTC, ISO 8601)")));
}
