using Xunit.Sdk;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// scripts/test.sh sets BENEFITS_REQUIRE_TOOLS=1 and CI sets CI: a missing LibreOffice or Chromium
/// must then fail, not skip. Both paths are tested whatever this process's environment is.
/// </summary>
public sealed class ToolsTests
{
    private sealed class Lines : ITestOutputHelperLike
    {
        public List<string> Written { get; } = [];
        public void WriteLine(string message) => Written.Add(message);
    }

    [Fact]
    public void A_missing_tool_fails_naming_every_variable_that_is_set()
    {
        var ex = Assert.Throws<FailException>(() =>
            Tools.Require("bt-no-such-program", "bt-no-such-package", new Lines(), "CI and BENEFITS_REQUIRE_TOOLS"));
        Assert.Contains("bt-no-such-program is not installed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CI and BENEFITS_REQUIRE_TOOLS are set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_tool_skips_with_a_note_when_no_variable_is_set()
    {
        var lines = new Lines();
        Assert.Null(Tools.Require("bt-no-such-program", "bt-no-such-package", lines, required: null));
        Assert.StartsWith("SKIPPED: bt-no-such-program is not installed", Assert.Single(lines.Written), StringComparison.Ordinal);
    }

    [Fact]
    public void A_present_tool_is_found_whatever_is_required()
    {
        Assert.Equal("/bin/sh", Tools.Require("sh", "dash", new Lines(), "CI", "/bin/sh"));
    }

    [Fact]
    public void The_variables_that_require_tools_are_read_from_the_environment()
    {
        var set = Tools.RequireVariables.Where(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))).ToList();
        Assert.Equal(set.Count == 0 ? null : string.Join(" and ", set), Tools.Required());
    }
}
