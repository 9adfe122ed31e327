namespace BenefitsTracker.Reports.Tests;

/// <summary>scripts/test.sh sets BENEFITS_REQUIRE_TOOLS=1: a missing LibreOffice or Chromium must then fail, not skip.</summary>
[Collection(NativeOutputCollection.Name)] // runs alone: it changes an environment variable of the process
public sealed class ToolsTests
{
    private sealed class Lines : ITestOutputHelperLike
    {
        public List<string> Written { get; } = [];
        public void WriteLine(string message) => Written.Add(message);
    }

    [Fact]
    public void A_missing_tool_fails_when_BENEFITS_REQUIRE_TOOLS_is_set()
    {
        var before = Environment.GetEnvironmentVariable("BENEFITS_REQUIRE_TOOLS");
        try
        {
            Environment.SetEnvironmentVariable("BENEFITS_REQUIRE_TOOLS", "1");
            var ex = Assert.ThrowsAny<Exception>(() => Tools.Require("bt-no-such-program", "bt-no-such-package", new Lines()));
            Assert.Contains("BENEFITS_REQUIRE_TOOLS", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("BENEFITS_REQUIRE_TOOLS", before);
        }
    }

    [Fact]
    public void A_missing_tool_skips_with_a_note_when_neither_variable_is_set()
    {
        if (Tools.RequireVariables.Any(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)))) return;
        var lines = new Lines();
        Assert.Null(Tools.Require("bt-no-such-program", "bt-no-such-package", lines));
        Assert.StartsWith("SKIPPED:", Assert.Single(lines.Written), StringComparison.Ordinal);
    }
}
