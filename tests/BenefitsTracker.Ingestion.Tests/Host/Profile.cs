using System.Diagnostics;
using BenefitsTracker.Data.Bulk;
using BenefitsTracker.Ingestion;
using BenefitsTracker.Ingestion.Kinds;
using BenefitsTracker.Ingestion.Pipeline;
using BenefitsTracker.Ingestion.Reading;

/// <summary>Times the stages of an events ingest separately (hash, parse, parse+validate), to see where time goes.</summary>
internal static class Profile
{
    public static async Task RunAsync(string csv)
    {
        Ingestor.Trace = Console.WriteLine;
        var db = Path.Combine(Path.GetDirectoryName(csv)!, "profile.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
        await using (var context = await BenefitsTracker.Data.BenefitsStore.OpenAsync(BenefitsTracker.Data.DatabaseTarget.Parse("sqlite:" + db)))
        {
            if (Environment.GetEnvironmentVariable("PROFILE_SQL") is { } sql)
            {
                var conn = (Microsoft.Data.Sqlite.SqliteConnection)Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(
                    context.Database);
                using var cmd = conn.CreateCommand();
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
            }
            var all = Stopwatch.StartNew();
            await new Ingestor(context).IngestAsync([csv]);
            Console.WriteLine($"full ingest: {all.Elapsed.TotalSeconds:0.00}s");
        }
        Ingestor.Trace = null;

        var clock = Stopwatch.StartNew();
        await Ingestor.HashAsync(csv, CancellationToken.None);
        Console.WriteLine($"hash: {clock.Elapsed.TotalSeconds:0.00}s");

        clock.Restart();
        using (var source = new CsvRecordSource(csv))
        {
            long n = 0, chars = 0;
            while (source.Read()) { n++; for (var i = 0; i < 10; i++) chars += source.Field(i).Length; }
            Console.WriteLine($"parse: {clock.Elapsed.TotalSeconds:0.00}s ({n} rows, {chars} chars)");
        }

        clock.Restart();
        using (var source = new CsvRecordSource(csv))
        {
            var handler = KindHandler.For(InputKind.Events);
            handler.Bind(source);
            using var rejects = new Rejects(csv + ".x", "h");
            var counts = await FilePipeline.RunAsync(source, handler, new NullLoader(), rejects, 1, csv, 1, null, CancellationToken.None);
            Console.WriteLine($"parse+validate+rollup (null loader): {clock.Elapsed.TotalSeconds:0.00}s ({counts.Accepted})");
        }
    }

    private sealed class NullLoader : IBulkLoader
    {
        public bool AddEvent(in EventRecord row) => true;
        public CaseOutcome AddCase(in CaseRecord row, out OpenCaseClosed wasOpen) { wasOpen = default; return CaseOutcome.Inserted; }
        public bool AddCostLine(in CostRecord row) => true;
        public void AddContact(in ContactRecord row) { }
        public void MergeRollups(RollupDelta delta) { }
        public void AddServices(IReadOnlyCollection<string> slugs) { }
        public void Dispose() { }
    }
}
