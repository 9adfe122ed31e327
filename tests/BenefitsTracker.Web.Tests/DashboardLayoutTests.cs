using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BenefitsTracker.Web.Tests;

/// <summary>
/// How the dashboard's period form and list look and work in Chromium, in English and Welsh, at 1280 and 390 px wide: the form's
/// labels above their inputs, its controls touch-sized (WCAG 2.2 2.5.8, at least 24 by 24 CSS px) with the dashboard's button and
/// focus ring; the list's figures all on the screen of a phone, none cut off, none in a box that scrolls.
/// </summary>
public sealed class DashboardLayoutTests(ITestOutputHelper output)
{
    private const string Green = "rgb(0, 112, 60)", Yellow = "rgb(255, 191, 71)";

    [Fact]
    public async Task The_period_form_has_labels_above_touch_sized_controls_a_green_button_and_a_focus_ring_at_1280_and_390_px()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });
        if (await Chromium.LaunchAsync(output) is not var (playwright, browser)) return;
        using (playwright)
        await using (browser)
        {
            foreach (var width in new[] { 1280, 390 })
            {
                var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
                var page = await context.NewPageAsync();
                // The report pages (report.html's own page with the dashboard's form on top), and the dashboard's own page that
                // says what is wrong with a period and gives the form again.
                foreach (var path in new[] { $"/councils/{ServiceUnderTest.Conwy}", $"/councils/{ServiceUnderTest.Conwy}?lang=cy",
                             $"/consortia/{ServiceUnderTest.Consortium}", $"/consortia/{ServiceUnderTest.Consortium}?lang=cy",
                             $"/councils/{ServiceUnderTest.Conwy}?from=2024-13&to=2025-03&lang=cy" })
                {
                    var at = $"{path} at {width} px";
                    await page.GotoAsync(service.Url + path);
                    var form = page.Locator("form:has(#from)");
                    Assert.Equal(1, await form.CountAsync());
                    var fields = path.StartsWith("/councils", StringComparison.Ordinal) ? new[] { "from", "to", "service" } : ["from", "to"];
                    var viewport = await page.EvaluateAsync<double>("() => document.documentElement.clientWidth");
                    foreach (var id in fields)
                    {
                        var input = await Box(page.Locator($"#{id}"));
                        var label = await Box(page.Locator($"label[for='{id}']"));
                        output.WriteLine($"{at}: #{id} {input.Width:0}x{input.Height:0} at {input.X:0},{input.Y:0}; " +
                            $"label ends at {label.Y + label.Height:0}");
                        Assert.True(input.Height >= 24 && input.Width >= 24, $"{at}: #{id} is {input.Width:0}x{input.Height:0} px, under 24x24");
                        Assert.True(label.Y + label.Height <= input.Y + 0.5, $"{at}: the label of #{id} is beside its input, not above it");
                        Assert.True(input.X + input.Width <= viewport + 0.5, $"{at}: #{id} goes past the screen's edge");
                    }
                    var button = form.Locator("button[type=submit]");
                    var size = await Box(button);
                    Assert.True(size.Height >= 24 && size.Width >= 24, $"{at}: the button is {size.Width:0}x{size.Height:0} px, under 24x24");
                    // The dashboard's button (green, white text), not the browser's grey one.
                    Assert.Equal(Green, await Style(button, "backgroundColor"));
                    Assert.Equal("rgb(255, 255, 255)", await Style(button, "color"));

                    // By keyboard from the first field to the button: each control in turn shows the dashboard's 3 px yellow ring.
                    await page.Locator("#from").FocusAsync();
                    foreach (var expected in fields.Append("button"))
                    {
                        var focused = page.Locator(":focus");
                        Assert.Equal(expected, await focused.EvaluateAsync<string>("e => e.id || e.tagName.toLowerCase()"));
                        Assert.Equal("solid", await Style(focused, "outlineStyle"));
                        Assert.Equal("3px", await Style(focused, "outlineWidth"));
                        Assert.Equal(Yellow, await Style(focused, "outlineColor"));
                        await page.Keyboard.PressAsync("Tab");
                    }
                    Assert.False(await page.EvaluateAsync<bool>(
                        "() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"), $"{at}: the page scrolls sideways");
                }
                await context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task The_list_at_390_and_320_px_shows_every_figure_with_its_column_name_on_the_screen_and_stays_a_table()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });
        if (await Chromium.LaunchAsync(output) is not var (playwright, browser)) return;
        using (playwright)
        await using (browser)
        {
            foreach (var width in new[] { 390, 320, 1280 })
            {
                var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 844 } });
                var page = await context.NewPageAsync();
                foreach (var path in new[] { "/", "/?lang=cy" })
                {
                    var at = $"{path} at {width} px";
                    await page.GotoAsync(service.Url + path);
                    var viewport = await page.EvaluateAsync<double>("() => document.documentElement.clientWidth");
                    // Every cell of the list's tables (names and figures) wholly on the screen.
                    var cells = page.Locator("main table th, main table td");
                    var count = await cells.CountAsync();
                    Assert.True(count >= 4 * 3, $"{at}: {count} cells");
                    for (var i = 0; i < count; i++)
                    {
                        var cell = cells.Nth(i);
                        if (!await cell.IsVisibleAsync()) continue;
                        var box = await Box(cell);
                        Assert.True(box.X >= -0.5 && box.X + box.Width <= viewport + 0.5,
                            $"{at}: '{await cell.InnerTextAsync()}' runs from {box.X:0} to {box.X + box.Width:0} px, past the screen's {viewport:0}");
                    }
                    // Nothing in the page scrolls sideways in its own box (a cut-off column with no sign there is more); the headings
                    // row hidden but for screen readers on a phone (1 px wide) is not a box to read.
                    var scrolling = await page.EvaluateAsync<string[]>(
                        "() => [...document.querySelectorAll('main *')].filter(e => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && " +
                        "getComputedStyle(e).overflowX !== 'visible').map(e => e.outerHTML.slice(0, 80))");
                    Assert.True(scrolling.Length == 0, $"{at}: scrolls in its box: {string.Join(" | ", scrolling)}");

                    // Each figure on its own line with its column's name beside it (on a phone), or under its column's heading (wide).
                    var headers = await page.Locator("main table thead th.num").AllInnerTextsAsync();
                    var headerVisible = await Box(page.Locator("main table thead").First);
                    var figures = page.Locator("main table tbody td.num");
                    for (var i = 0; i < await figures.CountAsync(); i++)
                    {
                        var figure = figures.Nth(i);
                        var name = await figure.EvaluateAsync<string>("e => e.closest('table').querySelectorAll('thead th')[e.cellIndex].innerText");
                        var label = await figure.GetAttributeAsync("data-label");
                        Assert.Equal(name, label);
                        var drawn = await figure.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content");
                        if (width < 640)
                        {
                            Assert.Contains(name, drawn, StringComparison.Ordinal);
                            Assert.True(headerVisible.Height <= 1.5, $"{at}: the headings row is shown above the cards");
                        }
                        else
                        {
                            Assert.True(drawn is "none" or "normal", $"{at}: a label drawn in the table: {drawn}");
                            Assert.True(headerVisible.Height > 10, $"{at}: no headings row");
                        }
                    }
                    Assert.Contains(path.Contains("cy", StringComparison.Ordinal) ? "Budd net" : "Net benefit", headers);

                    // Still a table to a screen reader: Chromium's own accessibility tree has its column headers, row headers and cells.
                    var cdp = await context.NewCDPSessionAsync(page);
                    var tree = await cdp.SendAsync("Accessibility.getFullAXTree");
                    var roles = tree!.Value.GetProperty("nodes").EnumerateArray()
                        .Select(n => n.TryGetProperty("role", out var r) && r.TryGetProperty("value", out var v)
                            ? v.GetString()?.ToLowerInvariant() : null)
                        .GroupBy(r => r ?? "").ToDictionary(g => g.Key, g => g.Count());
                    var rows = await page.Locator("main table tbody tr").CountAsync();
                    output.WriteLine($"{at}: {string.Join(", ", roles.Where(r => r.Key.Contains("header") || r.Key is "cell" or "row" or "table")
                        .Select(r => $"{r.Key} {r.Value}"))}");
                    Assert.Equal(rows, roles.GetValueOrDefault("rowheader"));
                    Assert.Equal(await page.Locator("main table").CountAsync() * 4, roles.GetValueOrDefault("columnheader"));
                    Assert.Equal(await figures.CountAsync(), roles.GetValueOrDefault("cell"));
                    await cdp.DetachAsync();
                }
                await context.CloseAsync();
            }
        }
    }

    private static async Task<LocatorBoundingBoxResult> Box(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("not shown: " + locator);

    private static Task<string> Style(ILocator locator, string property) =>
        locator.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");
}
