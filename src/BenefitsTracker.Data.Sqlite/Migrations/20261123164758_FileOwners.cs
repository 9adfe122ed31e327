using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BenefitsTracker.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FileOwners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ingested_file_owners",
                columns: table => new
                {
                    file_id = table.Column<long>(type: "INTEGER", nullable: false),
                    owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingested_file_owners", x => new { x.file_id, x.owner });
                    table.ForeignKey(
                        name: "FK_ingested_file_owners_ingested_files_file_id",
                        column: x => x.file_id,
                        principalTable: "ingested_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ingested_file_owners_owner",
                table: "ingested_file_owners",
                column: "owner");

            // A store made before this migration: each file's owners from the rows it stored. Councils files
            // stored no rows with a file id: each is given every council and consortium in the store, so that
            // no report loses one from its lineage.
            migrationBuilder.Sql("""
                INSERT INTO ingested_file_owners (file_id, owner)
                SELECT file_id, council_code FROM usage_events
                UNION SELECT file_id, council_code FROM cases
                UNION SELECT file_id, COALESCE(council_code, consortium) FROM cost_lines
                    WHERE COALESCE(council_code, consortium) IS NOT NULL
                UNION SELECT f.id, c.code FROM ingested_files f, councils c WHERE f.kind = 'councils'
                UNION SELECT f.id, s.id FROM ingested_files f, consortia s WHERE f.kind = 'councils';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ingested_file_owners");
        }
    }
}
