namespace BenefitsTracker.Core.Model;

/// <summary>
/// How wrong an input can be before the case fails: the value at which the appraisal's NPV is zero,
/// all else held (METHOD.md v2). <see cref="Value"/> is null ("none in range") when no value in the
/// input's valid range gives zero. <see cref="NpvPerUnit"/> is the change in NPV for a change of one
/// in the input (NPV is linear in each input alone, so the value is solved, not searched).
/// </summary>
public sealed record SwitchingValue(
    string Input,
    string Label,
    decimal Assumed,
    decimal? Value,
    /// <summary>(value − assumed) ÷ assumed × 100; null when none in range or the assumed value is zero.</summary>
    decimal? ChangePct,
    decimal NpvPerUnit);
