using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BenefitsTracker.Data.Sqlite.Migrations
{
    /// <summary>
    /// Events are de-duplicated on a 64-bit key of (council_code, event_id) instead of a unique index on the text
    /// (docs/benchmarks.md, ingest): the column, its unique index, and a small index of the rows that share a key with an
    /// earlier one. Rows already stored get their key from the SQL function benefits_event_key, which every connection
    /// the store opens has (SqliteProvider); where two stored ids share a key the first keeps it and the other stays
    /// without, as the bulk loader would have stored them.
    /// </summary>
    public partial class EventKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_usage_events_council_code_event_id",
                table: "usage_events");

            migrationBuilder.AddColumn<long>(
                name: "event_key",
                table: "usage_events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_usage_events_event_key",
                table: "usage_events",
                column: "event_key",
                unique: true);

            migrationBuilder.Sql(
                "UPDATE OR IGNORE usage_events SET event_key = benefits_event_key(council_code, event_id) WHERE event_id IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_usage_events_unkeyed",
                table: "usage_events",
                columns: new[] { "council_code", "event_id" },
                filter: "event_key IS NULL AND event_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_usage_events_event_key",
                table: "usage_events");

            migrationBuilder.DropIndex(
                name: "IX_usage_events_unkeyed",
                table: "usage_events");

            // EF Core's SQLite generator refuses DropColumnOperation; SQLite itself (3.35 and later, bundled) drops a column.
            migrationBuilder.Sql("ALTER TABLE usage_events DROP COLUMN event_key;");

            migrationBuilder.CreateIndex(
                name: "IX_usage_events_council_code_event_id",
                table: "usage_events",
                columns: new[] { "council_code", "event_id" },
                unique: true);
        }
    }
}
