using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BenefitsTracker.Data.Postgres.Migrations
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
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "detail_phrase",
                table: "data_quality_findings");
        }
    }
}
