using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>
/// A versioned, validated assumptions file (docs/assumptions.md). Values resolve with precedence
/// service &gt; council &gt; top level &gt; defaults; dictionaries merge key by key, scalars and lists replace.
/// </summary>
public sealed class AssumptionSet
{
    private readonly AssumptionDocument _document;
    private readonly IReadOnlyDictionary<(string Council, string Service), DeadweightEstimate> _estimates;

    private AssumptionSet(AssumptionDocument document, string sha256, string json,
        IReadOnlyDictionary<(string Council, string Service), DeadweightEstimate>? estimates = null, DeflatorSeries? deflators = null)
    {
        _document = document;
        Sha256 = sha256;
        Json = json;
        _estimates = estimates ?? new Dictionary<(string Council, string Service), DeadweightEstimate>();
        Deflators = deflators;
    }

    /// <summary>
    /// The GDP deflator series real terms are stated with and costs with a price year are uprated with (METHOD.md v2,
    /// Real prices); null: none given, so the report states no real terms. The file's own <c>gdp_deflators</c> when it
    /// gives them; the Application layer supplies <c>--deflators FILE</c>, else the shipped series where the file gives none.
    /// </summary>
    public DeflatorSeries? Deflators { get; }

    /// <summary>The same file with a GDP deflator series supplied; the version and hash are the file's.</summary>
    public AssumptionSet WithDeflators(DeflatorSeries? deflators) => new(_document, Sha256, Json, _estimates, deflators);

    /// <summary>True where any level of the file says <c>"deadweight": "estimated"</c>: the estimates are needed before the engine runs.</summary>
    public bool EstimatesDeadweight =>
        _document.TopLevel.DeadweightEstimated == true
        || _document.Councils.Values.Any(c => c.DeadweightEstimated == true)
        || _document.Services.Values.Any(s => s.Overrides.DeadweightEstimated == true)
        || _document.CouncilServices.Values.Any(s => s.Overrides.DeadweightEstimated == true);

    /// <summary>
    /// The same file, with the counterfactual's estimated deadweights supplied: where a council's
    /// service says <c>"deadweight": "estimated"</c> and an estimate is here, the engine uses it; where
    /// none is here, the assumed number stands and <see cref="ServiceAssumptions.DeadweightSource"/> says
    /// why. The version and hash are the file's: the estimates are computed from the data, not assumed.
    /// </summary>
    public AssumptionSet WithDeadweightEstimates(IReadOnlyDictionary<(string Council, string Service), DeadweightEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        return new AssumptionSet(_document, Sha256, Json, estimates, Deflators);
    }

    /// <summary>The set's own name for itself (the <c>version</c> key), quoted in every report.</summary>
    public string Version => _document.Version;

    /// <summary>Lowercase hex SHA-256 of the file's UTF-8 bytes, so a report pins the exact file used.</summary>
    public string Sha256 { get; }

    /// <summary>The file's text, as given.</summary>
    public string Json { get; }

    /// <summary>The services the file describes, in ordinal order.</summary>
    public IReadOnlyList<string> Services => [.. _document.Services.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether the file has an entry under <c>services</c> for the slug <paramref name="service"/>.</summary>
    public bool HasService(string service) => _document.Services.ContainsKey(service);

    /// <summary>The report-wide appraisal settings: horizon, price base, ranges and Monte Carlo (docs/assumptions.md).</summary>
    public AppraisalSettings Appraisal => _document.Appraisal;

    /// <summary>
    /// Optimism bias on a council's costs (<c>adjustments.optimism_bias_costs</c>, council over top level;
    /// default 0): costs are multiplied by 1 + this value (METHOD.md v2).
    /// </summary>
    public decimal OptimismBiasCostsFor(string? councilCode) =>
        councilCode is not null && _document.Councils.TryGetValue(councilCode, out var council) && council.OptimismBiasCosts is { } own ? own
        : _document.TopLevel.OptimismBiasCosts ?? 0m;

    /// <summary>Reads and validates an assumptions file from its text (hashed as UTF-8).</summary>
    /// <exception cref="AssumptionsException">The file cannot be used as written; the exception names the key.</exception>
    public static AssumptionSet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads and validates an assumptions file from its bytes; <see cref="Sha256"/> is the hash of these bytes as given.</summary>
    /// <exception cref="AssumptionsException">The file cannot be used as written; the exception names the key.</exception>
    public static AssumptionSet Parse(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var sha = Convert.ToHexStringLower(SHA256.HashData(utf8));
        // The hash covers the bytes as given; a byte-order mark is skipped only for reading.
        var body = utf8.AsMemory();
        if (body.Span.StartsWith(Encoding.UTF8.Preamble)) body = body[Encoding.UTF8.Preamble.Length..];
        AssumptionDocument document;
        try
        {
            using var json = JsonDocument.Parse(body,
                new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            document = AssumptionsReader.Read(json.RootElement);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            throw new AssumptionsException("", $"the file is not valid JSON{where}: {e.Message}", e);
        }
        return new AssumptionSet(document, sha, Encoding.UTF8.GetString(body.Span), deflators: document.Appraisal.Deflators);
    }

    /// <summary>The assumptions for a council: top level, then its <c>councils.{GSS}</c> overrides.</summary>
    public ResolvedAssumptions ForCouncil(string councilCode, string? consortiumId)
    {
        ArgumentNullException.ThrowIfNull(councilCode);
        var values = new EffectiveAssumptions(Deflators);
        values.Apply(_document.TopLevel);
        if (_document.Councils.TryGetValue(councilCode, out var council)) values.Apply(council, $"councils.{councilCode}.");
        return values.ToResolved(Version, Sha256, ApportionmentFor(consortiumId));
    }

    /// <summary>The assumptions a consortium report uses for its own figures (discount rate, suppression): the top level.</summary>
    public ResolvedAssumptions ForConsortium(string consortiumId)
    {
        ArgumentNullException.ThrowIfNull(consortiumId);
        var values = new EffectiveAssumptions(Deflators);
        values.Apply(_document.TopLevel);
        return values.ToResolved(Version, Sha256, ApportionmentFor(consortiumId)) with
        {
            PopulationSource = _document.ConsortiumPopulationSource.GetValueOrDefault(consortiumId),
        };
    }

    /// <summary>
    /// The assumptions for one service of one council: top level, then council, then service, then the
    /// council's own entry for the service (<c>councils.{GSS}.services.{slug}</c>).
    /// A service the file does not describe is an error: its go-live month cannot be guessed.
    /// </summary>
    public ServiceAssumptions ForService(string councilCode, string service)
    {
        ArgumentNullException.ThrowIfNull(councilCode);
        ArgumentNullException.ThrowIfNull(service);
        if (!_document.Services.TryGetValue(service, out var entry))
            throw new AssumptionsException(StrictJson.Join("services", service),
                $"the data has service '{service}' but the assumptions do not describe it; add services.{service} with its go_live month (YYYY-MM)");
        var values = new EffectiveAssumptions(Deflators);
        values.Apply(_document.TopLevel);
        if (_document.Councils.TryGetValue(councilCode, out var council)) values.Apply(council, $"councils.{councilCode}.");
        values.Apply(entry.Overrides, $"services.{service}.");
        var own = _document.CouncilServices.GetValueOrDefault((councilCode, service));
        if (own is not null) values.Apply(own.Overrides, $"councils.{councilCode}.services.{service}.");
        var resolved = values.ToService(CouncilServiceReader.Resolve(entry, own));
        if (!resolved.DeadweightEstimated) return resolved;
        _estimates.TryGetValue((councilCode, service), out var estimate);
        // Where it came from, as a phrase a report can put into its language (a source given only as text stays as it is).
        var source = estimate is null ? Phrase.Of("deadweight.no_estimate_made", "no estimate was made")
            : estimate.SourcePhrase ?? Phrase.Text(estimate.Source);
        if (estimate?.Value is { } value)
        {
            var estimated = Phrase.Of("deadweight.estimated", $"estimated ({source.English}): {Percent(value)}", ("source", source),
                ("percent", Percent(value)));
            return resolved with
            {
                Adjustments = resolved.Adjustments with { Deadweight = value },
                DeadweightSource = estimated.English,
                DeadweightBasis = estimated,
            };
        }
        var assumed = Percent(resolved.Adjustments.Deadweight);
        var notEstimated = Phrase.Of("deadweight.not_estimated", $"asked to be estimated, but {source.English}; the assumed {assumed} is used",
            ("source", source), ("percent", assumed));
        return resolved with { DeadweightSource = notEstimated.English, DeadweightBasis = notEstimated };
    }

    /// <summary>
    /// A service's KPI targets as the top level sets them (<c>services.{slug}.targets</c>), for a consortium's KPIs;
    /// null when none.
    /// </summary>
    public KpiTargets? TargetsFor(string service) =>
        _document.Services.TryGetValue(service, out var entry) ? entry.Overrides.Targets : null;

    private static string Percent(decimal rate) =>
        (rate * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private string? ApportionmentFor(string? consortiumId) =>
        consortiumId is null ? null
        : _document.ConsortiumApportionment.TryGetValue(consortiumId, out var rule) ? rule
        : AssumptionDefaults.Apportionment;
}
