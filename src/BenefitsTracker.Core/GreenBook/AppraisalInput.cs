namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// An input the appraisal varies: its key path, a plain label, the value assumed and its valid range.
/// Every input moves by the same amount everywhere it applies (a service that overrides a unit cost
/// moves with the rest); total costs move as a factor of the costs recorded (assumed 1).
/// </summary>
internal sealed record AppraisalInput(string Key, string Label, InputKind Kind, decimal Assumed, decimal ValidLow, decimal? ValidHigh)
{
    public bool InRange(decimal value) => value >= ValidLow && (ValidHigh is not { } high || value <= high);

    public decimal Clamp(decimal value) => Math.Max(ValidLow, ValidHigh is { } high ? Math.Min(high, value) : value);
}
