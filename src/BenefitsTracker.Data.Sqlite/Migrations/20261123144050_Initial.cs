using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BenefitsTracker.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    council_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    key_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assumption_sets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", nullable: true),
                    ingested_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assumption_sets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    council_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    case_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    service = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    case_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    received_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    officer_minutes_hundredths = table.Column<long>(type: "INTEGER", nullable: true),
                    officer_grade = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    file_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "closed_case_rollups",
                columns: table => new
                {
                    council_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    service = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    grade = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    minutes_hundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_closed_case_rollups", x => new { x.council_code, x.service, x.month, x.grade, x.minutes_hundredths });
                });

            migrationBuilder.CreateTable(
                name: "consortia",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consortia", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contact_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    council_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    service = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    user_ref = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    occurred_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cost_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    council_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    consortium = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    service = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    cashable = table.Column<bool>(type: "INTEGER", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    file_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cost_lines", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "councils",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    population = table.Column<long>(type: "INTEGER", nullable: true),
                    consortium = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_councils", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "ingested_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    path = table.Column<string>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    rows_read = table.Column<long>(type: "INTEGER", nullable: false),
                    accepted = table.Column<long>(type: "INTEGER", nullable: false),
                    rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    duplicates = table.Column<long>(type: "INTEGER", nullable: false),
                    rejects_path = table.Column<string>(type: "TEXT", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingested_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "open_case_rollups",
                columns: table => new
                {
                    council_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    service = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open_case_rollups", x => new { x.council_code, x.service, x.month });
                });

            migrationBuilder.CreateTable(
                name: "services",
                columns: table => new
                {
                    slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services", x => x.slug);
                });

            migrationBuilder.CreateTable(
                name: "usage_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    council_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    service = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    occurred_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    case_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    user_ref = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    duration_seconds = table.Column<double>(type: "REAL", nullable: true),
                    file_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_usage_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "usage_rollups",
                columns: table => new
                {
                    council_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    service = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    completed = table.Column<long>(type: "INTEGER", nullable: false),
                    started = table.Column<long>(type: "INTEGER", nullable: false),
                    failed = table.Column<long>(type: "INTEGER", nullable: false),
                    other = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_usage_rollups", x => new { x.council_code, x.service, x.channel, x.month });
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_key_hash",
                table: "api_keys",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assumption_sets_sha256",
                table: "assumption_sets",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "IX_cases_council_code_case_id",
                table: "cases",
                columns: new[] { "council_code", "case_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contact_events_council_code_service",
                table: "contact_events",
                columns: new[] { "council_code", "service" });

            migrationBuilder.CreateIndex(
                name: "IX_cost_lines_consortium",
                table: "cost_lines",
                column: "consortium");

            migrationBuilder.CreateIndex(
                name: "IX_cost_lines_council_code",
                table: "cost_lines",
                column: "council_code");

            migrationBuilder.CreateIndex(
                name: "IX_councils_consortium",
                table: "councils",
                column: "consortium");

            migrationBuilder.CreateIndex(
                name: "IX_ingested_files_sha256",
                table: "ingested_files",
                column: "sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_usage_events_event_id",
                table: "usage_events",
                column: "event_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "assumption_sets");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "closed_case_rollups");

            migrationBuilder.DropTable(
                name: "consortia");

            migrationBuilder.DropTable(
                name: "contact_events");

            migrationBuilder.DropTable(
                name: "cost_lines");

            migrationBuilder.DropTable(
                name: "councils");

            migrationBuilder.DropTable(
                name: "ingested_files");

            migrationBuilder.DropTable(
                name: "open_case_rollups");

            migrationBuilder.DropTable(
                name: "services");

            migrationBuilder.DropTable(
                name: "usage_events");

            migrationBuilder.DropTable(
                name: "usage_rollups");
        }
    }
}
