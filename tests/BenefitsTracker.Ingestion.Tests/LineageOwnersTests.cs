using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>A report's lineage lists the files that fed it: its own council's, its consortium's, and the assumptions.</summary>
public class LineageOwnersTests
{
    private const string Events = "event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity,duration_seconds\n";
    private const string Cases = "case_id,council_code,service,channel,case_type,received_at,closed_at,officer_minutes,officer_grade\n";
    private const string Costs = "council_code,consortium,service,category,period_start,period_end,amount_gbp,cashable,reference,description\n";

    private static string Event(string id, string council) => $"{id},{council},garden-waste,web,transaction_completed,2024-04-10T09:00:00Z,,,1,\n";

    private static async Task<TestStore> TwoCouncilsAsync()
    {
        var store = await TestStore.CreateAsync();
        var files = new[]
        {
            store.Write("councils.csv", "council_code,name,population,consortium\nW06000001,Anglesey,69000,north-wales\n" +
                "W06000002,Gwynedd,117000,north-wales\nW06000003,Conwy,114000,\n"),
            store.Write("anglesey-events.csv", Events + Event("a1", "W06000001") + Event("a2", "W06000001")),
            store.Write("gwynedd-events.csv", Events + Event("g1", "W06000002")),
            store.Write("gwynedd-cases.csv", Cases + "c1,W06000002,garden-waste,phone,new,2024-04-01T09:00:00Z,2024-04-02T09:00:00Z,15,\n"),
            store.Write("shared-costs.csv", Costs + ",north-wales,,licence,2024-04-01,2025-03-31,1200.00,false,LIC,platform\n"),
            store.Write("all-rejected.csv", Events + "x1,not-a-code,garden-waste,web,transaction_completed,2024-04-10T09:00:00Z,,,1,\n"),
            // The same event again: a duplicate stores nothing, so the file fed nobody.
            store.Write("anglesey-again.csv", Events + Event("a1", "W06000001")),
        };
        await store.IngestAsync(files);
        await AssumptionsIngestAsync(store);
        return store;
    }

    private static async Task AssumptionsIngestAsync(TestStore store)
    {
        var json = store.Write("assumptions.json", File.ReadAllText(BenefitsTracker.TestSupport.WorkedExample.AssumptionsPath));
        await store.IngestAsync(json);
    }

    private static async Task<List<string>> Files(TestStore store, params string[] owners) =>
        (await store.Queries.InputFilesAsync(owners)).Select(f => f.File).ToList();

    [Fact]
    public async Task A_council_lists_its_own_files_its_consortiums_and_the_assumptions_not_another_councils()
    {
        await using var store = await TwoCouncilsAsync();
        Assert.Equal(["councils.csv", "anglesey-events.csv", "shared-costs.csv", "assumptions.json"], await Files(store, "W06000001", "north-wales"));
        Assert.Equal(["councils.csv", "gwynedd-events.csv", "gwynedd-cases.csv", "shared-costs.csv", "assumptions.json"],
            await Files(store, "W06000002", "north-wales"));
        // Conwy is in the register but has no data of its own.
        Assert.Equal(["councils.csv", "assumptions.json"], await Files(store, "W06000003"));
        // The consortium: its own and every member's.
        Assert.Equal(["councils.csv", "anglesey-events.csv", "gwynedd-events.csv", "gwynedd-cases.csv", "shared-costs.csv", "assumptions.json"],
            await Files(store, "north-wales", "W06000001", "W06000002"));
    }

    [Fact]
    public async Task A_store_made_before_owners_were_recorded_gets_them_from_its_rows()
    {
        await using var store = await TwoCouncilsAsync();
        var expected = await Files(store, "W06000002", "north-wales");
        // Back to the first migration (the owners table goes), then forward again: the backfill rebuilds it.
        var migrator = store.Db.GetService<IMigrator>();
        var migrations = store.Db.Database.GetMigrations().ToList();
        await migrator.MigrateAsync(migrations[^2]);
        await migrator.MigrateAsync(migrations[^1]);
        await store.ReopenAsync();
        // Every file with rows is attributed as at ingest; a councils file (no rows with a file id) to every council.
        Assert.Equal(expected, await Files(store, "W06000002", "north-wales"));
        Assert.Equal(["councils.csv", "assumptions.json"], await Files(store, "W06000003"));
    }
}
