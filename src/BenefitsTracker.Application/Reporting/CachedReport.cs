using System.Collections.Concurrent;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Application.Reporting;

/// <summary>
/// One computed result and what is drawn from it (manifest bytes, the dashboard page, the report files), each
/// made once on first use. Nothing here computes a figure: every output draws from <see cref="Result"/>.
/// </summary>
public sealed class CachedReport(ScopeKey key, SavingsResult result, Fingerprint fingerprint, DateTimeOffset computedAt)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _derived = new(StringComparer.Ordinal);

    public ScopeKey Key { get; } = key;
    public SavingsResult Result { get; } = result;
    public Fingerprint Fingerprint { get; } = fingerprint;
    public DateTimeOffset ComputedAt { get; } = computedAt;

    /// <summary>The output named <paramref name="name"/>, made by <paramref name="make"/> once for this result.</summary>
    public async Task<T> DerivedAsync<T>(string name, Func<CachedReport, Task<T>> make) where T : class =>
        (T)await _derived.GetOrAdd(name, _ => new Lazy<Task<object>>(async () => await make(this))).Value;
}
