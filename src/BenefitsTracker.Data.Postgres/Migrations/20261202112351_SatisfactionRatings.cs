using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BenefitsTracker.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SatisfactionRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ratings",
                table: "usage_rollups",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "satisfied",
                table: "usage_rollups",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "rating",
                table: "usage_events",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ratings",
                table: "usage_rollups");

            migrationBuilder.DropColumn(
                name: "satisfied",
                table: "usage_rollups");

            migrationBuilder.DropColumn(
                name: "rating",
                table: "usage_events");
        }
    }
}
