using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BenefitsTracker.Data.Sqlite.Migrations
{
    /// <summary>
    /// usage_events.event_key becomes the key that keeps the order of ids numbered in sequence (EventKey: the hash of the
    /// id's prefix above its trailing number), so that such ids append to the unique index (issue 14, docs/benchmarks.md).
    /// Every stored row with an id is keyed again, in the order the rows were stored, with the SQL function
    /// benefits_event_key_ordered (SqliteProvider); where two ids share the new key one keeps it (the first stored: SQLite
    /// updates in a scan of the table, in rowid order) and the other stays without, as the bulk loader would have stored
    /// them, and a row that shared its old key with another and not its new one gets its key. Down keys them again with
    /// benefits_event_key, the hash migration EventKey stored.
    /// </summary>
    public partial class EventKeyOrdered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => KeyAgain(migrationBuilder, "benefits_event_key_ordered");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => KeyAgain(migrationBuilder, "benefits_event_key");

        /// <summary>
        /// Clears every key with both indexes on it dropped (keys old and new could meet half way through; the index of rows
        /// without a key would take every row and give them up again), then keys each row with an id (a scan of the table, in
        /// rowid order): UPDATE OR IGNORE leaves a row whose key an earlier row took without one. The loader needs only that
        /// a row without a key shares it with a row that has it, whichever that is.
        /// </summary>
        private static void KeyAgain(MigrationBuilder migrationBuilder, string function)
        {
            migrationBuilder.DropIndex(
                name: "IX_usage_events_event_key",
                table: "usage_events");

            migrationBuilder.DropIndex(
                name: "IX_usage_events_unkeyed",
                table: "usage_events");

            migrationBuilder.Sql("UPDATE usage_events SET event_key = NULL WHERE event_key IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_usage_events_event_key",
                table: "usage_events",
                column: "event_key",
                unique: true);

            migrationBuilder.Sql(
                $"UPDATE OR IGNORE usage_events SET event_key = {function}(council_code, event_id) WHERE event_id IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_usage_events_unkeyed",
                table: "usage_events",
                columns: new[] { "council_code", "event_id" },
                filter: "event_key IS NULL AND event_id IS NOT NULL");
        }
    }
}
