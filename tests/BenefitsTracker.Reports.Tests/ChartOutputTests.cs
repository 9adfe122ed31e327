using System.Runtime.InteropServices;
using BenefitsTracker.Reports.Charts;

namespace BenefitsTracker.Reports.Tests;

/// <summary>Runs alone: it borrows the process's stdout and stderr file descriptors.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeOutputCollection
{
    public const string Name = "Native console output";
}

/// <summary>
/// Skia's SVG canvas prints "Unsupported path effect in addPaint." for every dashed line, from native
/// code (Console.SetOut does not see it). The test points file descriptors 1 and 2 at a file while the
/// charts render, so it sees what a user of `benefits report` would see.
/// </summary>
[Collection(NativeOutputCollection.Name)]
public sealed class ChartOutputTests
{
    [Fact]
    public void Rendering_the_charts_prints_nothing_to_stdout_or_stderr()
    {
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "this test points POSIX file descriptors 1 and 2 at a file");
        // Worked example: the cumulative cost line is dashed, the payback line dotted, the baseline line dashed.
        var result = Results.WorkedExampleResult;
        ReportCharts.Build(result); // fonts registered and native code loaded before capturing
        var (captured, charts) = NativeOutput.Capture(() => ReportCharts.Build(result));
        Assert.Equal("", captured);
        Assert.Equal(5, charts.Count);
        // The PNG keeps the dashes; only the SVG is solid (it has no stroke-dasharray at all).
        Assert.DoesNotContain("stroke-dasharray", charts.Single(c => c.Stem == "cumulative").Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void The_capture_sees_native_writes()
    {
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "this test points POSIX file descriptors 1 and 2 at a file");
        var (captured, _) = NativeOutput.Capture(() =>
        {
            var bytes = "native write\n"u8.ToArray();
            NativeOutput.Write(2, bytes);
            return 0;
        });
        Assert.Equal("native write\n", captured);
    }
}

/// <summary>Redirects file descriptors 1 and 2 to a file around an action, with libc's dup/dup2.</summary>
internal static class NativeOutput
{
    [DllImport("libc", SetLastError = true)]
    private static extern int dup(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int dup2(int oldFd, int newFd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);

    [DllImport("libc")]
    private static extern int fflush(IntPtr stream);

    [DllImport("libc", SetLastError = true)]
    private static extern nint write(int fd, byte[] buffer, nint count);

    public static void Write(int fd, byte[] bytes) => write(fd, bytes, bytes.Length);

    public static (string Output, T Result) Capture<T>(Func<T> action)
    {
        var path = Path.Combine(Path.GetTempPath(), "bt-native-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            T result;
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                var fd = (int)file.SafeFileHandle.DangerousGetHandle();
                Console.Out.Flush();
                Console.Error.Flush();
                fflush(IntPtr.Zero);
                var savedOut = dup(1);
                var savedErr = dup(2);
                Assert.True(savedOut >= 0 && savedErr >= 0, "dup failed");
                try
                {
                    Assert.True(dup2(fd, 1) >= 0 && dup2(fd, 2) >= 0, "dup2 failed");
                    result = action();
                    Console.Out.Flush();
                    Console.Error.Flush();
                    fflush(IntPtr.Zero);
                }
                finally
                {
                    dup2(savedOut, 1);
                    dup2(savedErr, 2);
                    close(savedOut);
                    close(savedErr);
                }
            }
            return (File.ReadAllText(path), result);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
