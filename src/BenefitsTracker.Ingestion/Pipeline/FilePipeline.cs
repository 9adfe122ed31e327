using System.Collections.Concurrent;
using System.Diagnostics;
using BenefitsTracker.Data.Bulk;
using BenefitsTracker.Ingestion.Kinds;
using BenefitsTracker.Ingestion.Reading;

namespace BenefitsTracker.Ingestion.Pipeline;

/// <summary>Row counts of one file: Accepted + Rejected + Duplicates = Read.</summary>
internal readonly record struct PipelineCounts(long Read, long Accepted, long Rejected, long Duplicates);

/// <summary>
/// Streams one file through two threads: parse and validate on one, insert on the other (the store's connection
/// is touched by the second only). Batches circulate through a small fixed pool, so memory stays bounded
/// whatever the file's size.
/// </summary>
internal static class FilePipeline
{
    private const int PoolSize = 4;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);

    public static async Task<PipelineCounts> RunAsync(
        IRecordSource source, KindHandler handler, IBulkLoader loader, Rejects rejects, long fileId,
        string path, long totalBytes, IIngestProgress? progress, CancellationToken ct)
    {
        using var full = new BlockingCollection<RowBatch>(PoolSize);
        using var empty = new BlockingCollection<RowBatch>(PoolSize);
        for (var i = 0; i < PoolSize; i++) empty.Add(new RowBatch(handler.TextSlots, handler.NumSlots), ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var clock = Stopwatch.StartNew();

        long read = 0, rejected = 0, accepted = 0, duplicates = 0;

        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = empty.Take(stop.Token);
                var lastReport = TimeSpan.Zero;
                while (source.Read())
                {
                    read++;
                    var reason = source.RecordProblem ?? handler.Validate(batch);
                    if (reason is not null)
                    {
                        rejected++;
                        source.WriteRecord(rejects.Begin(source.Line, reason));
                        rejects.End();
                    }
                    if (batch.IsFull)
                    {
                        handler.Order(batch, loader);
                        batch.HandedOver = handler.HandOver();
                        full.Add(batch, stop.Token);
                        batch = empty.Take(stop.Token);
                        if (progress is not null && clock.Elapsed - lastReport >= ProgressEvery)
                        {
                            lastReport = clock.Elapsed;
                            progress.Report(new IngestProgress(path, source.BytesRead, totalBytes, read, clock.Elapsed));
                        }
                    }
                }
                if (batch.Count > 0)
                {
                    handler.Order(batch, loader);
                    batch.HandedOver = handler.HandOver();
                    full.Add(batch, stop.Token);
                }
            }
            catch
            {
                stop.Cancel();
                throw;
            }
            finally
            {
                full.CompleteAdding();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var consumer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var batch in full.GetConsumingEnumerable(stop.Token))
                {
                    var (stored, repeats) = handler.LoadBatch(batch, loader, fileId);
                    accepted += stored;
                    duplicates += repeats;
                    if (batch.HandedOver is { } handedOver) handler.AfterBatch(handedOver, loader);
                    batch.Clear();
                    empty.Add(batch, stop.Token);
                }
            }
            catch
            {
                stop.Cancel();
                throw;
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            await Task.WhenAll(producer, consumer);
        }
        catch
        {
            // The first real failure wins over the cancellations it caused.
            ct.ThrowIfCancellationRequested();
            var real = new[] { producer, consumer }
                .Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (real is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(real);
            throw;
        }
        progress?.Report(new IngestProgress(path, totalBytes, totalBytes, read, clock.Elapsed));
        return new PipelineCounts(read, accepted, rejected, duplicates);
    }
}
