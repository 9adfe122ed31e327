using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Data.Sqlite;

/// <summary>
/// Where the SQLite schema differs from the shared model: events are de-duplicated on a 64-bit key of
/// (council_code, event_id) (<see cref="EventKey"/>) instead of a unique index on the text.
/// </summary>
internal static class SqliteModel
{
    /// <summary>The shadow property (column <c>event_key</c>): no entity reads it, only the bulk loader writes it.</summary>
    public const string EventKeyProperty = "EventKey";

    public static void Apply(ModelBuilder m)
    {
        var events = m.Entity<UsageEventRow>();
        var byText = events.Metadata.GetIndexes().Single(i => i.IsUnique);
        events.Metadata.RemoveIndex(byText);
        // NULL for an event without an id, and for the rare id whose key another id of the store already has.
        events.Property<long?>(EventKeyProperty).HasColumnName("event_key");
        events.HasIndex([EventKeyProperty], "IX_usage_events_event_key").IsUnique();
        // Finds those rare ids by their text; holds no other row, so it costs nothing on the usual path.
        events.HasIndex(x => new { x.CouncilCode, x.EventId }, "IX_usage_events_unkeyed")
            .HasFilter("event_key IS NULL AND event_id IS NOT NULL");
    }
}
