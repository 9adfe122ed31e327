namespace BenefitsTracker.Core.Model;

/// <summary>
/// How wrong an input can be before the case fails: the value at which the appraisal's NPV is zero,
/// all else held (METHOD.md v2). <see cref="Value"/> is null ("none in range") when no value in the
/// input's valid range gives zero. <see cref="NpvPerUnit"/> is the change in NPV for a change of one
/// in the input (NPV is linear in each input alone, so the value is solved, not searched).
/// </summary>
/// <param name="Input">The assumption's key, as named in the assumptions file and the workbook.</param>
/// <param name="Label">The input in plain English, for the page.</param>
/// <param name="Assumed">The value the appraisal used.</param>
/// <param name="Value">The value at which the NPV is zero; null when none in the valid range.</param>
/// <param name="NpvPerUnit">The change in NPV for a change of one in the input.</param>
/// <param name="ChangePct">(value − assumed) ÷ assumed × 100; null when none in range or the assumed value is zero.</param>
public sealed record SwitchingValue(
    string Input,
    string Label,
    decimal Assumed,
    decimal? Value,
    decimal? ChangePct,
    decimal NpvPerUnit);
