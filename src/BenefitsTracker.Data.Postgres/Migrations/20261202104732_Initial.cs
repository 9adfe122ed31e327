using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BenefitsTracker.Data.Postgres.Migrations
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    council_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    consortium_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "write"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assumption_sets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    json = table.Column<string>(type: "text", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: true),
                    ingested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assumption_sets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    council_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    case_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    service = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    case_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    received_at = table.Column<DateTime>(type: "timestamptz", nullable: false),
                    closed_at = table.Column<DateTime>(type: "timestamptz", nullable: true),
                    officer_minutes_hundredths = table.Column<long>(type: "bigint", nullable: true),
                    officer_grade = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    file_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "closed_case_rollups",
                columns: table => new
                {
                    council_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    service = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    grade = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    minutes_hundredths = table.Column<long>(type: "bigint", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_closed_case_rollups", x => new { x.council_code, x.service, x.month, x.grade, x.minutes_hundredths });
                });

            migrationBuilder.CreateTable(
                name: "consortia",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consortia", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contact_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    council_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    service = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    user_ref = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cost_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    council_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    consortium = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    service = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    cashable = table.Column<bool>(type: "boolean", nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    file_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cost_lines", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "councils",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    population = table.Column<long>(type: "bigint", nullable: true),
                    consortium = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_councils", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "ingested_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    path = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    bytes = table.Column<long>(type: "bigint", nullable: false),
                    rows_read = table.Column<long>(type: "bigint", nullable: false),
                    accepted = table.Column<long>(type: "bigint", nullable: false),
                    rejected = table.Column<long>(type: "bigint", nullable: false),
                    duplicates = table.Column<long>(type: "bigint", nullable: false),
                    rejects_path = table.Column<string>(type: "text", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingested_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "open_case_rollups",
                columns: table => new
                {
                    council_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    service = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open_case_rollups", x => new { x.council_code, x.service, x.month });
                });

            migrationBuilder.CreateTable(
                name: "services",
                columns: table => new
                {
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services", x => x.slug);
                });

            // Written by hand: EF Core cannot declare a partitioned table. Raw events are partitioned by UTC month
            // (the bulk loader creates usage_events_yYYYYmMM as months arrive), so that a year can be detached,
            // archived or dropped without touching the rest; reports read the rollups, never these rows. A unique
            // index on a partitioned table must include the partition key, so event_id's uniqueness per council
            // is kept in usage_event_ids, which records the file that first stored each id.
            migrationBuilder.Sql(@"
CREATE TABLE usage_events (
    id bigint GENERATED BY DEFAULT AS IDENTITY,
    occurred_at timestamptz NOT NULL,
    event_id character varying(200),
    council_code character varying(9) NOT NULL,
    service character varying(100) NOT NULL,
    channel character varying(20) NOT NULL,
    event_type character varying(40) NOT NULL,
    case_id character varying(200),
    user_ref character varying(200),
    quantity bigint NOT NULL,
    duration_seconds double precision,
    file_id bigint NOT NULL,
    CONSTRAINT ""PK_usage_events"" PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE TABLE usage_event_ids (
    council_code character varying(9) NOT NULL,
    event_id character varying(200) NOT NULL,
    file_id bigint NOT NULL,
    CONSTRAINT ""PK_usage_event_ids"" PRIMARY KEY (council_code, event_id)
);");

            migrationBuilder.CreateTable(
                name: "usage_rollups",
                columns: table => new
                {
                    council_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    service = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    completed = table.Column<long>(type: "bigint", nullable: false),
                    started = table.Column<long>(type: "bigint", nullable: false),
                    failed = table.Column<long>(type: "bigint", nullable: false),
                    other = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_usage_rollups", x => new { x.council_code, x.service, x.channel, x.month });
                });

            migrationBuilder.CreateTable(
                name: "ingested_file_owners",
                columns: table => new
                {
                    file_id = table.Column<long>(type: "bigint", nullable: false),
                    owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                name: "IX_ingested_file_owners_owner",
                table: "ingested_file_owners",
                column: "owner");

            migrationBuilder.CreateIndex(
                name: "IX_ingested_files_sha256",
                table: "ingested_files",
                column: "sha256",
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
                name: "ingested_file_owners");

            migrationBuilder.DropTable(
                name: "open_case_rollups");

            migrationBuilder.DropTable(
                name: "services");

            migrationBuilder.DropTable(
                name: "usage_events");

            migrationBuilder.DropTable(
                name: "usage_event_ids");

            migrationBuilder.DropTable(
                name: "usage_rollups");

            migrationBuilder.DropTable(
                name: "ingested_files");
        }
    }
}
