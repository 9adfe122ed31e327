using System.Text.Json;
using static BenefitsTracker.Core.Assumptions.StrictJson;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>Reads and checks the report-wide appraisal keys of an assumptions file (docs/assumptions.md, "Appraisal").</summary>
internal static class AppraisalSettingsReader
{
    /// <summary>Top-level keys this reader owns; they apply to a whole report, so councils and services may not override them.</summary>
    public static readonly string[] Keys = ["appraisal_years", "benefit_drop_off", "price_base", "gdp_deflators", "ranges", "monte_carlo"];

    private static readonly string[] DeflatorKeys = ["release", "index"];

    private static readonly string[] RangeKeys = ["low", "high"];
    private static readonly string[] MonteCarloKeys = ["draws", "seed", "inputs"];
    private static readonly string[] DistributionKeys = ["distribution", "low", "mode", "high", "mean", "sd"];
    private const int MaxYears = 60;
    private const int MaxDraws = 1_000_000;

    public static AppraisalSettings Read(Dictionary<string, JsonElement> top)
    {
        var settings = AppraisalSettings.None;
        if (top.TryGetValue("appraisal_years", out var years))
        {
            var value = PositiveInteger(years, "appraisal_years");
            if (value > MaxYears) throw new AssumptionsException("appraisal_years", $"{value} years is more than the {MaxYears} this tool appraises");
            settings = settings with { AppraisalYears = value };
        }
        if (top.TryGetValue("benefit_drop_off", out var dropOff))
            settings = settings with { BenefitDropOff = Rate(dropOff, "benefit_drop_off") };
        if (top.TryGetValue("price_base", out var priceBase))
        {
            var text = String(priceBase, "price_base");
            if (!FinancialYear.TryParse(text, out var year))
                throw new AssumptionsException("price_base", $"'{text}' is not a financial year; write it as HM Treasury does, e.g. \"2024-25\"");
            settings = settings with { PriceBase = year };
        }
        if (top.TryGetValue("gdp_deflators", out var deflators))
            settings = settings with { Deflators = ReadDeflators(deflators) };
        if (top.TryGetValue("ranges", out var ranges))
        {
            var result = new Dictionary<string, InputRange>(StringComparer.Ordinal);
            foreach (var (input, value) in Object(ranges, "ranges", null))
            {
                var path = Join("ranges", input);
                CheckInput(input, path);
                var entry = Object(value, path, RangeKeys);
                var low = Required(entry, "low", path);
                var high = Required(entry, "high", path);
                CheckValue(input, low, Join(path, "low"));
                CheckValue(input, high, Join(path, "high"));
                if (low > high) throw new AssumptionsException(Join(path, "low"), "is above high; give the low value first");
                result[input] = new InputRange(low, high);
            }
            settings = settings with { Ranges = result };
        }
        if (top.TryGetValue("monte_carlo", out var monteCarlo))
            settings = settings with { MonteCarlo = ReadMonteCarlo(monteCarlo) };
        return settings;
    }

    /// <summary>
    /// <c>"gdp_deflators": {"release": "HM Treasury ... March 2026", "index": {"2023-24": 97.1, ...}}</c>: the series the
    /// report uprates and deflates with, carried (and hashed) with the assumptions; it replaces the shipped one.
    /// </summary>
    private static DeflatorSeries ReadDeflators(JsonElement element)
    {
        const string path = "gdp_deflators";
        var entry = Object(element, path, DeflatorKeys);
        if (!entry.TryGetValue("release", out var releaseElement))
            throw new AssumptionsException(Join(path, "release"), "is required: name the release the figures came from, as every report quotes it");
        var release = NonEmptyString(releaseElement, Join(path, "release"));
        if (!entry.TryGetValue("index", out var indexElement))
            throw new AssumptionsException(Join(path, "index"), "is required: the deflator of each financial year, {\"2024-25\": 100, ...}");
        var index = new Dictionary<FinancialYear, decimal>();
        foreach (var (text, value) in Object(indexElement, Join(path, "index"), null))
        {
            var at = Join(Join(path, "index"), text);
            if (!FinancialYear.TryParse(text, out var year))
                throw new AssumptionsException(at, $"'{text}' is not a financial year; write it as HM Treasury does, e.g. \"2024-25\"");
            var d = Decimal(value, at);
            if (d <= 0m) throw new AssumptionsException(at, "a deflator must be a positive number");
            index[year] = d;
        }
        if (index.Count == 0) throw new AssumptionsException(Join(path, "index"), "gives no year");
        return new DeflatorSeries(release, index);
    }

    private static MonteCarloSettings ReadMonteCarlo(JsonElement element)
    {
        var entry = Object(element, "monte_carlo", MonteCarloKeys);
        var draws = MonteCarloSettings.DefaultDraws;
        if (entry.TryGetValue("draws", out var drawsElement))
        {
            draws = PositiveInteger(drawsElement, "monte_carlo.draws");
            if (draws > MaxDraws) throw new AssumptionsException("monte_carlo.draws", $"{draws} draws is more than the {MaxDraws:N0} allowed");
        }
        var seed = MonteCarloSettings.DefaultSeed;
        if (entry.TryGetValue("seed", out var seedElement))
        {
            var value = Decimal(seedElement, "monte_carlo.seed");
            if (value != decimal.Truncate(value) || value < 0m || value > ulong.MaxValue)
                throw new AssumptionsException("monte_carlo.seed", "must be a whole number, 0 or more");
            seed = (ulong)value;
        }
        if (!entry.TryGetValue("inputs", out var inputsElement))
            throw new AssumptionsException("monte_carlo.inputs",
                "is required: give each input's distribution, " +
                "e.g. {\"adjustments.deadweight\": {\"distribution\": \"uniform\", \"low\": 0.1, \"high\": 0.3}}");
        var inputs = new Dictionary<string, InputDistribution>(StringComparer.Ordinal);
        foreach (var (input, value) in Object(inputsElement, "monte_carlo.inputs", null))
        {
            var path = Join("monte_carlo.inputs", input);
            CheckInput(input, path);
            inputs[input] = ReadDistribution(input, Object(value, path, DistributionKeys), path);
        }
        if (inputs.Count == 0) throw new AssumptionsException("monte_carlo.inputs",
            "names no input; give at least one distribution or leave monte_carlo out");
        return new MonteCarloSettings(draws, seed, inputs);
    }

    private static InputDistribution ReadDistribution(string input, Dictionary<string, JsonElement> entry, string path)
    {
        if (!entry.TryGetValue("distribution", out var kindElement))
            throw new AssumptionsException(Join(path, "distribution"), "is required: triangular, uniform or normal");
        var kind = String(kindElement, Join(path, "distribution")) switch
        {
            "triangular" => DistributionKind.Triangular,
            "uniform" => DistributionKind.Uniform,
            "normal" => DistributionKind.Normal,
            var other => throw new AssumptionsException(Join(path, "distribution"),
                $"'{other}' is not a distribution; use triangular, uniform or normal"),
        };
        string[] needed = kind switch
        {
            DistributionKind.Triangular => ["low", "mode", "high"],
            DistributionKind.Uniform => ["low", "high"],
            _ => ["mean", "sd", "low", "high"],
        };
        foreach (var key in entry.Keys.Where(k => k != "distribution" && !needed.Contains(k)))
            throw new AssumptionsException(Join(path, key),
                $"is not used by a {kindElement.GetString()} distribution, which takes {string.Join(", ", needed)}");
        var values = needed.ToDictionary(k => k, k => Required(entry, k, path));
        var low = values["low"];
        var high = values["high"];
        CheckValue(input, low, Join(path, "low"));
        CheckValue(input, high, Join(path, "high"));
        if (low > high) throw new AssumptionsException(Join(path, "low"), "is above high");
        if (kind == DistributionKind.Triangular && (values["mode"] < low || values["mode"] > high))
            throw new AssumptionsException(Join(path, "mode"), "must lie between low and high");
        if (kind == DistributionKind.Normal)
        {
            if (values["sd"] < 0m) throw new AssumptionsException(Join(path, "sd"), "is negative; a standard deviation is zero or more");
            if (values["mean"] < low || values["mean"] > high) throw new AssumptionsException(Join(path, "mean"), "must lie between low and high");
        }
        return new InputDistribution(kind, low, high, values.GetValueOrDefault("mode"), values.GetValueOrDefault("mean"),
            values.GetValueOrDefault("sd"));
    }

    private static decimal Required(Dictionary<string, JsonElement> entry, string key, string path) =>
        entry.TryGetValue(key, out var element) ? Decimal(element, Join(path, key))
            : throw new AssumptionsException(Join(path, key), "is required");

    private static void CheckInput(string input, string path)
    {
        if (!InputKeys.IsKnown(input))
            throw new AssumptionsException(path, $"'{input}' is not an input the appraisal can vary; use {InputKeys.Describe()}");
    }

    private static void CheckValue(string input, decimal value, string path)
    {
        var (low, high) = InputKeys.ValidRange(input);
        if (value < low || (high is { } h && value > h))
            throw new AssumptionsException(path,
                high is null ? $"{value} is negative; {input} is zero or more" : $"{value} is outside 0..1; {input} is a fraction");
    }
}
