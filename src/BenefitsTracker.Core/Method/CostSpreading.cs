using System.Globalization;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md, Inputs: "a cost line with a period longer than one month is spread evenly over its
/// months". The months run from the month of period_start to the month of period_end inclusive, and
/// each carries amount / months, unrounded.
/// </summary>
public static class CostSpreading
{
    /// <summary>The month of the line's period_start.</summary>
    public static Month FirstMonth(CostLine line) => Month.Of(line.PeriodStart);

    /// <summary>The month of the line's period_end.</summary>
    public static Month LastMonth(CostLine line) => Month.Of(line.PeriodEnd);

    /// <summary>The months the line is spread over, first to last inclusive.</summary>
    /// <exception cref="MethodException">The line ends before it starts; the message names it.</exception>
    public static int MonthCount(CostLine line)
    {
        var count = Month.Count(FirstMonth(line), LastMonth(line));
        if (count < 1)
        {
            var (end, start) = (line.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                line.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            throw new MethodException((line.Reference ?? line.Description) is { } name
                ? Phrase.Of("cannot.cost_line_reversed", $"The {line.Category} cost line '{name}' ends ({end}) before it starts ({start}).",
                    ("category", line.Category), ("line", name), ("end", end), ("start", start))
                : Phrase.Of("cannot.cost_line_reversed_unnamed",
                    $"The {line.Category} cost line '(no reference)' ends ({end}) before it starts ({start}).",
                    ("category", line.Category), ("end", end), ("start", start)));
        }
        return count;
    }

    /// <summary>The line's amount over its month count, unrounded.</summary>
    public static decimal MonthlyAmount(CostLine line) => line.Amount / MonthCount(line);

    /// <summary>The line's spend in month <paramref name="month"/>: its monthly amount, or 0 outside its period.</summary>
    public static decimal AmountIn(CostLine line, Month month) =>
        month >= FirstMonth(line) && month <= LastMonth(line) ? MonthlyAmount(line) : 0m;

    /// <summary>The sum of the line's monthly amounts over <paramref name="from"/>..<paramref name="to"/>, month by month.</summary>
    public static decimal AmountIn(CostLine line, Month from, Month to)
    {
        var total = 0m;
        foreach (var month in Month.Range(from, to)) total += AmountIn(line, month);
        return total;
    }

    /// <summary>Whether any month of the line falls in <paramref name="from"/>..<paramref name="to"/>.</summary>
    public static bool Overlaps(CostLine line, Month from, Month to) => FirstMonth(line) <= to && LastMonth(line) >= from;
}
