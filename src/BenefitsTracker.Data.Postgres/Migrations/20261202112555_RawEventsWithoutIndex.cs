using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BenefitsTracker.Data.Postgres.Migrations
{
    /// <summary>
    /// Raw events carry no index: they are written once per file by the bulk loader and read only for lineage or
    /// re-aggregation (reports read the rollups), and event_id's uniqueness is kept in usage_event_ids. Keeping a
    /// primary key index on (id, occurred_at) cost every ingest an index insert per row for no reader.
    /// </summary>
    public partial class RawEventsWithoutIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"ALTER TABLE usage_events DROP CONSTRAINT IF EXISTS ""PK_usage_events"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"ALTER TABLE usage_events ADD CONSTRAINT ""PK_usage_events"" PRIMARY KEY (id, occurred_at);");
        }
    }
}
