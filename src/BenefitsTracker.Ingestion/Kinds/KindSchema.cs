namespace BenefitsTracker.Ingestion.Kinds;

/// <summary>The columns of one kind of input (SPEC.md, Input formats): which must be present and which may be.</summary>
internal sealed record KindSchema(InputKind Kind, IReadOnlyList<string> Columns, IReadOnlyList<string> Required)
{
    public static readonly KindSchema Events = new(InputKind.Events,
        ["event_id", "council_code", "service", "channel", "event_type", "occurred_at", "case_id", "user_ref", "quantity",
            "duration_seconds", "rating"],
        ["council_code", "service", "channel", "event_type", "occurred_at"]);

    public static readonly KindSchema Cases = new(InputKind.Cases,
        ["case_id", "council_code", "service", "channel", "case_type", "received_at", "closed_at", "officer_minutes", "officer_grade"],
        ["case_id", "council_code", "service", "received_at"]);

    public static readonly KindSchema Costs = new(InputKind.Costs,
        ["council_code", "consortium", "service", "category", "period_start", "period_end", "amount_gbp", "cashable", "reference", "description"],
        ["category", "period_start", "period_end", "amount_gbp"]);

    public static readonly KindSchema Councils = new(InputKind.Councils,
        ["council_code", "name", "population", "consortium"],
        ["council_code", "name"]);

    public static readonly IReadOnlyList<KindSchema> All = [Events, Cases, Costs, Councils];

    public static KindSchema For(InputKind kind) => All.First(s => s.Kind == kind);

    /// <summary>
    /// The kind whose signature columns the file has: events (event_type or occurred_at), cases (received_at or
    /// closed_at or officer_minutes), costs (category or amount_gbp), councils (name or population). Null when none
    /// or more than one matches.
    /// </summary>
    public static KindSchema? Detect(IReadOnlyList<string> columns)
    {
        bool Has(string c) => columns.Contains(c, StringComparer.Ordinal);
        var matches = new List<KindSchema>();
        if (Has("event_type") || Has("occurred_at")) matches.Add(Events);
        if (Has("received_at") || Has("closed_at") || Has("officer_minutes")) matches.Add(Cases);
        if (Has("category") || Has("amount_gbp")) matches.Add(Costs);
        if (Has("name") || Has("population")) matches.Add(Councils);
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>What is wrong with the columns for this kind (unknown, missing, repeated); null when they fit.</summary>
    public string? ColumnProblem(IReadOnlyList<string> columns)
    {
        if (columns.Any(c => c.Length == 0))
            return "a column has no name (a trailing comma in the header?)";
        var unknown = columns.Where(c => !Columns.Contains(c, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            return $"unknown column{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(c => $"'{c}'"))} for {Kind.Key()}; " +
                $"the columns are: {string.Join(", ", Columns)}";
        var repeated = columns.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
            return $"the column{(repeated.Count > 1 ? "s" : "")} {string.Join(", ", repeated.Select(c => $"'{c}'"))} " +
                $"appear{(repeated.Count > 1 ? "" : "s")} more than once";
        return null;
    }

    /// <summary>Required columns missing from a CSV header (NDJSON checks per record instead: keys may be omitted).</summary>
    public string? MissingColumns(IReadOnlyList<string> columns)
    {
        var missing = Required.Where(c => !columns.Contains(c, StringComparer.Ordinal)).ToList();
        if (Kind == InputKind.Costs && !columns.Contains("council_code")
            && !columns.Contains("consortium")) missing.Add("council_code or consortium");
        return missing.Count == 0 ? null
            : $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(c => $"'{c}'"))} for {Kind.Key()}";
    }
}
