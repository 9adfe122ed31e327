using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BenefitsTracker.Data.Postgres;

/// <summary>
/// Where the PostgreSQL schema differs from SQLite's: money as <c>numeric</c> pounds, months as <c>date</c> (the
/// first of the month), instants as <c>timestamptz</c>, and database-generated ids. The entities keep one shape
/// (pence, yyyyMM, Unix milliseconds), so every query and the engine read the same values from both providers.
/// </summary>
internal static class PostgresModel
{
    /// <summary>yyyyMM ↔ the first day of that month.</summary>
    private static readonly ValueConverter<int, DateOnly> MonthAsDate =
        new(k => new DateOnly(k / 100, k % 100, 1), d => d.Year * 100 + d.Month);

    /// <summary>Unix milliseconds ↔ a UTC instant (timestamptz keeps microseconds, so nothing is lost).</summary>
    private static readonly ValueConverter<long, DateTime> MillisecondsAsInstant =
        new(ms => DateTime.UnixEpoch.AddTicks(ms * TimeSpan.TicksPerMillisecond),
            t => (t.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond);

    /// <summary>Integer pence ↔ pounds with two decimal places.</summary>
    private static readonly ValueConverter<long, decimal> PenceAsPounds =
        new(p => p / 100m, d => (long)(d * 100m));

    public static void Apply(ModelBuilder m)
    {
        m.Entity<UsageRollupRow>().Property(x => x.Month).HasConversion(MonthAsDate).HasColumnType("date");
        m.Entity<ClosedCaseRollupRow>().Property(x => x.Month).HasConversion(MonthAsDate).HasColumnType("date");
        m.Entity<OpenCaseRollupRow>().Property(x => x.Month).HasConversion(MonthAsDate).HasColumnType("date");

        Instant(m.Entity<UsageEventRow>().Property(x => x.OccurredAtMs), "occurred_at");
        Instant(m.Entity<ContactEventRow>().Property(x => x.OccurredAtMs), "occurred_at");
        Instant(m.Entity<CaseRow>().Property(x => x.ReceivedAtMs), "received_at");
        m.Entity<CaseRow>().Property(x => x.ClosedAtMs).HasConversion((ValueConverter)MillisecondsAsInstant).HasColumnType("timestamptz")
            .HasColumnName("closed_at");

        m.Entity<CostLineRow>().Property(x => x.AmountPence).HasConversion(PenceAsPounds).HasColumnType("numeric(14,2)").HasColumnName("amount");

        // Rows arrive through the bulk loader, which leaves ids to the database.
        m.Entity<UsageEventRow>().Property(x => x.Id).ValueGeneratedOnAdd().UseIdentityByDefaultColumn();
        m.Entity<ContactEventRow>().Property(x => x.Id).ValueGeneratedOnAdd().UseIdentityByDefaultColumn();
        m.Entity<CaseRow>().Property(x => x.Id).ValueGeneratedOnAdd().UseIdentityByDefaultColumn();

        // usage_events is partitioned by month (its table is created by hand in the migration): a unique index there
        // would have to include occurred_at, so event_id is kept unique per council in usage_event_keys instead.
        var events = m.Entity<UsageEventRow>().Metadata;
        var unique = events.GetIndexes().Single(i => i.IsUnique);
        events.RemoveIndex(unique);
        m.Entity<UsageEventRow>().HasKey(x => new { x.Id, x.OccurredAtMs });
    }

    private static void Instant(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<long> p, string column) =>
        p.HasConversion(MillisecondsAsInstant).HasColumnType("timestamptz").HasColumnName(column);
}
