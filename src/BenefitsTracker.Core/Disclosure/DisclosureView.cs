using System.Runtime.CompilerServices;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Disclosure;

/// <summary>
/// The disclosure-controlled view of one result: what an output may show of it. Decided here, once;
/// every writer (HTML, workbook, charts, manifest.json, the API) only renders it. A council's own report
/// is not controlled (everything is shown); a consortium's is shared beyond one council, so small counts
/// are "&lt;N", the cells hidden beside them "[c]", and the members withheld whole by
/// <see cref="DisclosureRules.Members"/>.
/// </summary>
public sealed class DisclosureView
{
    /// <summary>The symbol for a cell hidden to protect another (secondary suppression).</summary>
    public const string ConfidentialSymbol = "[c]";

    private static readonly ConditionalWeakTable<SavingsResult, DisclosureView> Views = new();
    private readonly SavingsResult _result;
    private readonly IReadOnlyList<IReadOnlyDictionary<string, Shown>> _channels;

    /// <summary>The view of <paramref name="result"/>, worked out once per result.</summary>
    public static DisclosureView Of(SavingsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Views.GetValue(result, r => new DisclosureView(r));
    }

    private DisclosureView(SavingsResult result)
    {
        _result = result;
        Controlled = result.Scope.Kind == ScopeKind.Consortium;
        Threshold = result.Assumptions.SuppressionThreshold;
        Members = Controlled ? DisclosureRules.Members(result.Members, Threshold) : new Dictionary<string, Shown>();
        // Worked out now, so that writers running side by side only read.
        _channels = [.. result.Months.Select(m => Row(m.ByChannel))];
    }

    /// <summary>True when the output is shared beyond one council and suppression applies.</summary>
    public bool Controlled { get; }
    /// <summary>The suppression threshold: a count below it is a small count.</summary>
    public int Threshold { get; }
    /// <summary>"&lt;10" for a threshold of 10: the symbol for a small count.</summary>
    public string SmallSymbol => $"<{Threshold}";

    /// <summary>The members withheld whole (small or confidential); a member not here is shown.</summary>
    public IReadOnlyDictionary<string, Shown> Members { get; }

    /// <summary>How member <paramref name="code"/> is shown.</summary>
    public Shown Member(string code) => Members.GetValueOrDefault(code, Shown.Value);

    /// <summary>A count that stands alone (no shown total beside it to subtract from): small or shown.</summary>
    public Shown Count(long count) =>
        Controlled && Method.Suppression.Hides(count, Threshold) ? Shown.Small : Shown.Value;

    /// <summary>A row of counts whose total is shown: each cell's status (missing keys are shown).</summary>
    public IReadOnlyDictionary<TKey, Shown> Row<TKey>(IEnumerable<KeyValuePair<TKey, long>> row) where TKey : notnull =>
        Controlled ? DisclosureRules.Row(row, Threshold) : new Dictionary<TKey, Shown>();

    /// <summary>Month <paramref name="index"/>'s channel counts (its total is shown): each hidden channel's status.</summary>
    public IReadOnlyDictionary<string, Shown> Channels(int index) => _channels[index];

    /// <summary>The text of a hidden figure: "&lt;N" or "[c]".</summary>
    public string Symbol(Shown shown) => shown switch
    {
        Shown.Small => SmallSymbol,
        Shown.Confidential => ConfidentialSymbol,
        _ => throw new ArgumentOutOfRangeException(nameof(shown), shown, "a shown figure has no symbol"),
    };

    /// <summary>
    /// The note every controlled output carries, in plain English: what the two symbols mean and what
    /// was withheld. Null for an output that is not controlled.
    /// </summary>
    public string? Note
    {
        get
        {
            if (!Controlled) return null;
            var names = string.Join(", ", Members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{Name(m.Key)} {Symbol(m.Value)}"));
            var withheld = Members.Count == 0 ? "No member council is withheld."
                : $"{Members.Count} member councils are withheld whole ({names}): " +
                  "their figures are in the consortium's totals but cannot be worked out from them, because none of them is shown alone.";
            return $"This report is shared beyond one council, so no small number can be read from it. " +
                   $"A count below {Threshold} is shown as {SmallSymbol}; " +
                   $"a figure hidden so that a small one cannot be worked out by subtraction from a total, " +
                   $"or worked out from a hidden count, is shown as {ConfidentialSymbol} (confidential). {withheld}";
        }
    }

    private string Name(string code) => _result.Members.FirstOrDefault(m => m.Scope.Id == code)?.Scope.Name ?? code;
}
