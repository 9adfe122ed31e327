using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BenefitsTracker.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EventIdPerCouncil : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_usage_events_event_id",
                table: "usage_events");

            migrationBuilder.CreateIndex(
                name: "IX_usage_events_council_code_event_id",
                table: "usage_events",
                columns: new[] { "council_code", "event_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_usage_events_council_code_event_id",
                table: "usage_events");

            migrationBuilder.CreateIndex(
                name: "IX_usage_events_event_id",
                table: "usage_events",
                column: "event_id",
                unique: true);
        }
    }
}
