using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BenefitsTracker.Data.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "node",
                table: "job_runs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // EF Core's SQLite generator refuses DropColumnOperation; SQLite itself (3.35 and later, bundled) drops a column.
            migrationBuilder.Sql("ALTER TABLE job_runs DROP COLUMN changed_figures;");
            migrationBuilder.Sql("ALTER TABLE job_runs DROP COLUMN node;");
        }
    }
}
