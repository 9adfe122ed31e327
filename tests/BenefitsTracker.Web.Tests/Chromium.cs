using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BenefitsTracker.Web.Tests;

/// <summary>
/// Debian's Chromium for the dashboard tests. Missing, it fails the test when CI or BENEFITS_REQUIRE_TOOLS is set
/// (scripts/test.sh sets it), and skips with a note otherwise.
/// </summary>
public static class Chromium
{
    public static async Task<(IPlaywright, IBrowser)?> LaunchAsync(ITestOutputHelper output)
    {
        var path = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (path is null)
        {
            var required = new[] { "CI", "BENEFITS_REQUIRE_TOOLS" }.Where(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))).ToList();
            const string message = "chromium is not installed (apt-get install -y chromium); this test needs it.";
            if (required.Count > 0) Assert.Fail(message + $" {string.Join(" and ", required)} set, so a missing tool is a failure.");
            output.WriteLine("SKIPPED: " + message);
            return null;
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = path,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
