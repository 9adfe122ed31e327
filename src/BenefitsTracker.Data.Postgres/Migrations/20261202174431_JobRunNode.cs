using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BenefitsTracker.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class JobRunNode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "changed_figures",
                table: "job_runs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "node",
                table: "job_runs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "changed_figures",
                table: "job_runs");

            migrationBuilder.DropColumn(
                name: "node",
                table: "job_runs");
        }
    }
}
