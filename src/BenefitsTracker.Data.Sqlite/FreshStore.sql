-- The schema the SQLite migrations end with, for an empty store (FreshStore.cs). Generated: do not edit.
-- Regenerate: BENEFITS_WRITE_FRESH_STORE=1 dotnet test tests/BenefitsTracker.Ingestion.Tests --filter FullyQualifiedName~The_script_is_what_the_migrations_produce_now
CREATE TABLE "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
CREATE TABLE "api_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_api_keys" PRIMARY KEY AUTOINCREMENT,
    "council_code" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "label" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "revoked_at" TEXT NULL
, "consortium_id" TEXT NULL, "last_used_at" TEXT NULL, "scope" TEXT NOT NULL DEFAULT 'write');
CREATE TABLE "assumption_sets" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_assumption_sets" PRIMARY KEY AUTOINCREMENT,
    "version" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "json" TEXT NOT NULL,
    "file_name" TEXT NULL,
    "ingested_at" TEXT NOT NULL
);
CREATE TABLE "cases" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_cases" PRIMARY KEY,
    "council_code" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "channel" TEXT NULL,
    "case_type" TEXT NULL,
    "received_at_ms" INTEGER NOT NULL,
    "closed_at_ms" INTEGER NULL,
    "officer_minutes_hundredths" INTEGER NULL,
    "officer_grade" TEXT NULL,
    "file_id" INTEGER NOT NULL
);
CREATE TABLE "closed_case_rollups" (
    "council_code" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "grade" TEXT NOT NULL,
    "minutes_hundredths" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "PK_closed_case_rollups" PRIMARY KEY ("council_code", "service", "month", "grade", "minutes_hundredths")
);
CREATE TABLE "consortia" (
    "id" TEXT NOT NULL CONSTRAINT "PK_consortia" PRIMARY KEY,
    "name" TEXT NULL
);
CREATE TABLE "contact_events" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_contact_events" PRIMARY KEY,
    "council_code" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "user_ref" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "occurred_at_ms" INTEGER NOT NULL
);
CREATE TABLE "cost_lines" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_cost_lines" PRIMARY KEY AUTOINCREMENT,
    "council_code" TEXT NULL,
    "consortium" TEXT NULL,
    "service" TEXT NULL,
    "category" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    "amount_pence" INTEGER NOT NULL,
    "cashable" INTEGER NOT NULL,
    "reference" TEXT NULL,
    "description" TEXT NULL,
    "file_id" INTEGER NOT NULL
);
CREATE TABLE "councils" (
    "code" TEXT NOT NULL CONSTRAINT "PK_councils" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "population" INTEGER NULL,
    "consortium" TEXT NULL
);
CREATE TABLE "ingested_files" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_ingested_files" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "rows_read" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "rejects_path" TEXT NULL,
    "started_at" TEXT NOT NULL,
    "finished_at" TEXT NOT NULL
);
CREATE TABLE "open_case_rollups" (
    "council_code" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "PK_open_case_rollups" PRIMARY KEY ("council_code", "service", "month")
);
CREATE TABLE "services" (
    "slug" TEXT NOT NULL CONSTRAINT "PK_services" PRIMARY KEY,
    "name" TEXT NULL
);
CREATE TABLE "usage_events" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_usage_events" PRIMARY KEY,
    "event_id" TEXT NULL,
    "council_code" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "occurred_at_ms" INTEGER NOT NULL,
    "case_id" TEXT NULL,
    "user_ref" TEXT NULL,
    "quantity" INTEGER NOT NULL,
    "duration_seconds" REAL NULL,
    "file_id" INTEGER NOT NULL
, "rating" INTEGER NULL, "event_key" INTEGER NULL);
CREATE TABLE "usage_rollups" (
    "council_code" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,
    "started" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "other" INTEGER NOT NULL, "ratings" INTEGER NOT NULL DEFAULT 0, "satisfied" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "PK_usage_rollups" PRIMARY KEY ("council_code", "service", "channel", "month")
);
CREATE TABLE "ingested_file_owners" (
    "file_id" INTEGER NOT NULL,
    "owner" TEXT NOT NULL,
    CONSTRAINT "PK_ingested_file_owners" PRIMARY KEY ("file_id", "owner"),
    CONSTRAINT "FK_ingested_file_owners_ingested_files_file_id" FOREIGN KEY ("file_id") REFERENCES "ingested_files" ("id") ON DELETE CASCADE
);
CREATE TABLE "data_quality_findings" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_data_quality_findings" PRIMARY KEY AUTOINCREMENT,
    "run_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "council_code" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "month" INTEGER NULL,
    "detail" TEXT NOT NULL,
    "found_at" TEXT NOT NULL
, "detail_phrase" TEXT NULL);
CREATE TABLE "job_runs" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_job_runs" PRIMARY KEY AUTOINCREMENT,
    "job" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "started_at" TEXT NOT NULL,
    "finished_at" TEXT NULL,
    "outcome" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "counts_json" TEXT NOT NULL
, "changed_figures" INTEGER NOT NULL DEFAULT 0, "node" TEXT NULL);
CREATE UNIQUE INDEX "IX_api_keys_key_hash" ON "api_keys" ("key_hash");
CREATE INDEX "IX_assumption_sets_sha256" ON "assumption_sets" ("sha256");
CREATE UNIQUE INDEX "IX_cases_council_code_case_id" ON "cases" ("council_code", "case_id");
CREATE INDEX "IX_contact_events_council_code_service" ON "contact_events" ("council_code", "service");
CREATE INDEX "IX_cost_lines_consortium" ON "cost_lines" ("consortium");
CREATE INDEX "IX_cost_lines_council_code" ON "cost_lines" ("council_code");
CREATE INDEX "IX_councils_consortium" ON "councils" ("consortium");
CREATE UNIQUE INDEX "IX_ingested_files_sha256" ON "ingested_files" ("sha256");
CREATE INDEX "IX_ingested_file_owners_owner" ON "ingested_file_owners" ("owner");
CREATE INDEX "IX_data_quality_findings_council_code" ON "data_quality_findings" ("council_code");
CREATE INDEX "IX_job_runs_job_id" ON "job_runs" ("job", "id");
CREATE UNIQUE INDEX "IX_usage_events_event_key" ON "usage_events" ("event_key");
CREATE INDEX "IX_usage_events_unkeyed" ON "usage_events" ("council_code", "event_id") WHERE event_key IS NULL AND event_id IS NOT NULL;
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261123144050_Initial', '10.0.15');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261123164758_FileOwners', '10.0.15');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261202040930_EventIdPerCouncil', '10.0.15');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261202041135_ApiKeyScopes', '10.0.15');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261202104512_Jobs', '10.0.15');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261202104632_SatisfactionRatings', '10.0.15');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261202174419_JobRunNode', '10.0.15');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261207055829_EventKey', '10.0.15');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261207114747_DataQualityDetailPhrase', '10.0.15');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261207202925_EventKeyOrdered', '10.0.15');
