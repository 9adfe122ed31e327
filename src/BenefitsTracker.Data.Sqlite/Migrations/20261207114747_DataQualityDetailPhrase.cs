using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BenefitsTracker.Data.Sqlite.Migrations
{
    /// <summary>
    /// data_quality_findings.detail_phrase: a finding's detail as a phrase (code and values, JSON), so that a Welsh page
    /// or report words it in Welsh (issue 15). Nullable: a row written before has none and is shown as its text.
    /// </summary>
    public partial class DataQualityDetailPhrase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "detail_phrase",
                table: "data_quality_findings",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // EF Core's SQLite generator refuses DropColumnOperation; SQLite itself (3.35 and later, bundled) drops a column.
            migrationBuilder.Sql("ALTER TABLE data_quality_findings DROP COLUMN detail_phrase;");
        }
    }
}
