using BenefitsTracker.Cli.Terminal;

namespace BenefitsTracker.Cli.Tests;

/// <summary>The terminal writes percentages as the reports do: a true minus sign (U+2212), never a hyphen, never "−0%".</summary>
public sealed class TerminalSummaryTests
{
    [Theory]
    [InlineData("-0.305", "\u221231%")]
    [InlineData("-0.2949", "\u221229%")]
    [InlineData("0.3049", "30%")]
    [InlineData("-0.004", "0%")]
    [InlineData("2.5", "250%")]
    public void A_ratio_is_a_whole_percentage_with_a_true_minus_sign(string ratio, string expected)
    {
        var text = Summary.WholePercent(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, text);
        Assert.DoesNotContain("-", text, StringComparison.Ordinal);
    }
}
