using System.Diagnostics;
using System.Text.RegularExpressions;
using BenefitsTracker.Application.Keys;
using Xunit.Abstractions;

namespace BenefitsTracker.Web.Tests;

/// <summary>docs/service.md's curl examples answer the status each one states (<c># 200</c>), against the real host.</summary>
public sealed partial class DocsTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"#\s*(\d{3})\s*$")]
    private static partial Regex Expected();

    /// <summary>Each example: its command (continuation lines joined) and the status it states.</summary>
    private static List<(string Command, int Status)> Examples()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "service.md"));
        var examples = new List<(string, int)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("curl ", StringComparison.Ordinal)) continue;
            var command = lines[i];
            while (command.EndsWith('\\')) command = command[..^1] + " " + lines[++i].Trim();
            var match = Expected().Match(command);
            Assert.True(match.Success, $"the example '{command}' does not state its status (# 200)");
            examples.Add((command[..match.Index].Trim(), int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }
        return examples;
    }

    [Fact]
    public async Task Every_curl_example_in_the_service_docs_answers_as_stated()
    {
        var examples = Examples();
        Assert.True(examples.Count >= 15, $"found only {examples.Count} examples");
        await using var service = await ServiceUnderTest.StartAsync();
        var env = new Dictionary<string, string>
        {
            ["URL"] = service.Url,
            ["KEY"] = await service.KeyAsync(ServiceUnderTest.Conwy),
            ["CKEY"] = await service.KeyAsync(ServiceUnderTest.Consortium, KeyScope.ConsortiumRead),
        };
        foreach (var (command, status) in examples)
        {
            // -o is kept where the example saves a file; the status is written last on stdout.
            var start = new ProcessStartInfo("bash") { WorkingDirectory = service.Folder, RedirectStandardOutput = true,
                RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(command + " -w '\\n%{http_code}'");
            foreach (var (k, v) in env) start.Environment[k] = v;
            using var process = Process.Start(start)!;
            var stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var answered = stdout.TrimEnd().Split('\n')[^1];
            output.WriteLine($"{answered} {command}");
            Assert.True(answered == status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"'{command}' answered {answered}, the docs say {status}: {stdout}");
        }
    }
}
