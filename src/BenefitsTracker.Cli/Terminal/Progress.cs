using Spectre.Console;

namespace BenefitsTracker.Cli.Terminal;

/// <summary>Progress on a terminal (a Spectre.Console bar); nothing extra when output is redirected.</summary>
public static class Progress
{
    public static bool IsInteractive => !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/>, showing the fraction (0..1) it reports.</summary>
    public static T Run<T>(string title, Func<IProgress<double>, T> work)
    {
        if (!IsInteractive) return work(new Progress<double>(_ => { }));
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(title, maxValue: 1.0);
                result = work(new SyncProgress(v => task.Value = v));
            });
        return result;
    }

    /// <summary>IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    public sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
