using BenefitsTracker.Ingestion;
using Spectre.Console;

namespace BenefitsTracker.Cli.Terminal;

/// <summary>
/// Ingest progress: a bar per file with rows/s and time left on a terminal; plain log lines
/// (ConsoleIngestProgress) when output goes to a file or a pipe.
/// </summary>
public static class IngestProgressView
{
    public static async Task<T> RunAsync<T>(Func<IIngestProgress, Task<T>> work)
    {
        if (!Progress.IsInteractive) return await work(new LogLines(new ConsoleIngestProgress(Console.Error)));
        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx => result = await work(new SpectreIngestProgress(ctx)));
        return result;
    }

    /// <summary>Progress log lines on stderr; each file's counts are printed once, on stdout, by the command.</summary>
    private sealed class LogLines(ConsoleIngestProgress inner) : IIngestProgress
    {
        public void FileStarted(string file, long totalBytes) => inner.FileStarted(file, totalBytes);
        public void Report(IngestProgress progress) => inner.Report(progress);
    }

    private sealed class SpectreIngestProgress(ProgressContext ctx) : IIngestProgress
    {
        private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();

        public void FileStarted(string file, long totalBytes)
        {
            lock (_gate) _tasks[file] = ctx.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: 1.0);
        }

        public void Report(IngestProgress p)
        {
            lock (_gate)
            {
                if (!_tasks.TryGetValue(p.File, out var task)) return;
                task.Value = p.Fraction;
                task.Description = Markup.Escape($"{Path.GetFileName(p.File)}  {p.Rows:N0} rows, {p.RowsPerSecond:N0} rows/s");
            }
        }

        public void FileFinished(FileResult result)
        {
            lock (_gate)
            {
                if (_tasks.TryGetValue(result.Path, out var task)) { task.Value = 1.0; task.StopTask(); }
            }
        }
    }
}
