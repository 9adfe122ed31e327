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

/// <summary>Running out of memory is said in words (what was kept, what to do), not as an exception's type name.</summary>
public sealed class OutOfMemoryMessageTests
{
    [Fact]
    public async Task Out_of_memory_is_a_plain_message_and_exit_1()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        int code;
        try
        {
            code = await BenefitsTracker.Cli.Commands.CommandRunner.RunAsync(_ => throw new OutOfMemoryException(), CancellationToken.None);
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Equal(1, code);
        var text = error.ToString();
        Assert.Contains("benefits: ran out of memory; nothing from the unfinished step was stored", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.OutOfMemoryException", text, StringComparison.Ordinal);
    }
}
