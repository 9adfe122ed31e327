using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using BenefitsTracker.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>
/// An ingest into SQLite writes its registry row and begins its transaction without Entity Framework
/// (<see cref="SqliteIngestStart"/>): the row must be the one Entity Framework writes, value for value and type for type.
/// </summary>
public class SqliteIngestStartTests
{
    [Fact]
    public async Task The_registry_row_written_before_Entity_Framework_is_the_row_Entity_Framework_writes()
    {
        await using var ours = await TestStore.CreateAsync();
        await using var efs = await TestStore.CreateAsync();
        var when = new DateTimeOffset(2026, 12, 7, 12, 34, 56, 789, TimeSpan.FromHours(1)).AddTicks(1234);
        IngestedFileRow Row() => new()
        {
            Name = "a.csv", Path = "/in/a.csv", Sha256 = "pending-1", Kind = "events", Format = "csv", Bytes = 226, RowsRead = 3,
            Accepted = 2, Rejected = 1, Duplicates = 0, RejectsPath = null, StartedAt = when, FinishedAt = when.AddSeconds(1),
        };

        var start = SqliteIngestStart.For(ours.Db);
        Assert.NotNull(start);
        Assert.False(start.AnyFileOfLength(226));
        var raw = Row();
        await using (var tx = start.Begin())
        {
            start.Insert(raw, tx);
            await tx.CommitAsync();
        }
        efs.Db.IngestedFiles.Add(Row());
        await efs.Db.SaveChangesAsync();

        Assert.True(start.AnyFileOfLength(226));
        Assert.False(start.AnyFileOfLength(227));
        Assert.Equal(1, raw.Id);
        Assert.Equal(Columns(efs.Db), Columns(ours.Db));
        // And Entity Framework reads it back as it wrote its own.
        var read = await ours.Db.IngestedFiles.AsNoTracking().SingleAsync();
        Assert.Equal(when, read.StartedAt);
        Assert.Null(read.RejectsPath);
    }

    [Fact]
    public async Task Only_a_store_opened_for_writing_on_SQLite_has_one()
    {
        await using var store = await TestStore.CreateAsync();
        Assert.NotNull(SqliteIngestStart.For(store.Db));
        await using var reader = await BenefitsStore.OpenForReadingAsync(store.Target);
        Assert.Null(SqliteIngestStart.For(reader));
    }

    private static List<string> Columns(BenefitsDbContext db)
    {
        var c = (SqliteConnection)db.Database.GetDbConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT * FROM ingested_files";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        return Enumerable.Range(0, r.FieldCount)
            .Select(i => $"{r.GetName(i)}={(r.IsDBNull(i) ? "NULL" : r.GetDataTypeName(i) + ":" + r.GetValue(i))}").ToList();
    }
}
