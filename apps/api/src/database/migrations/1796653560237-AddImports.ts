import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddImports1796653560237 implements MigrationInterface {
  name = 'AddImports1796653560237';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "kind" character varying(20) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'analysing', "file_name" character varying(255) NOT NULL, "file_format" character varying(4) NOT NULL, "encoding" character varying(20), "delimiter" character varying(2), "headers" jsonb NOT NULL DEFAULT '[]', "mapping" jsonb NOT NULL DEFAULT '{}', "total_rows" integer NOT NULL DEFAULT '0', "processed_rows" integer NOT NULL DEFAULT '0', "create_count" integer NOT NULL DEFAULT '0', "update_count" integer NOT NULL DEFAULT '0', "unchanged_count" integer NOT NULL DEFAULT '0', "rejected_count" integer NOT NULL DEFAULT '0', "error" text, "created_by_id" uuid NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE, "applied_by_id" uuid, "undone_at" TIMESTAMP WITH TIME ZONE, "undone_by_id" uuid, CONSTRAINT "ck_import_jobs_format" CHECK ("file_format" IN ('csv', 'xlsx')), CONSTRAINT "ck_import_jobs_status" CHECK ("status" IN ('analysing', 'ready', 'applying', 'applied', 'failed', 'undone')), CONSTRAINT "ck_import_jobs_kind" CHECK ("kind" IN ('sites', 'professionals', 'accreditations')), CONSTRAINT "PK_4d206c602f173f98e4bb85819a3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_import_jobs_created_by" ON "import_jobs"  ("created_by_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_import_jobs_dep_created" ON "import_jobs"  ("departement_code", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "import_items" ("job_id" uuid NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" uuid NOT NULL, "action" character varying(10) NOT NULL, "version_before" integer, "version_after" integer NOT NULL, "before" jsonb, "label" character varying(300) NOT NULL, CONSTRAINT "ck_import_items_action" CHECK ("action" IN ('created', 'updated')), CONSTRAINT "PK_3af5c08e226766b06e0dceee71d" PRIMARY KEY ("job_id", "entity_type", "entity_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_import_items_entity" ON "import_items"  ("entity_id") `);
    await queryRunner.query(
      `CREATE TABLE "import_mappings" ("user_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "headers" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e1ba2864240a220da8cbcedb96" PRIMARY KEY ("user_id", "kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "import_rows" ("job_id" uuid NOT NULL, "line" integer NOT NULL, "cells" jsonb NOT NULL, "problem" text, "outcome" character varying(10), "errors" jsonb NOT NULL DEFAULT '[]', "warnings" jsonb NOT NULL DEFAULT '[]', "entity_id" uuid, CONSTRAINT "ck_import_rows_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('create', 'update', 'unchanged', 'rejected')), CONSTRAINT "PK_b6697a71a3204d28712636adc73" PRIMARY KEY ("job_id", "line"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_jobs" ADD CONSTRAINT "fk_import_jobs_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_jobs" ADD CONSTRAINT "fk_import_jobs_applied_by" FOREIGN KEY ("applied_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_jobs" ADD CONSTRAINT "fk_import_jobs_undone_by" FOREIGN KEY ("undone_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_items" ADD CONSTRAINT "fk_import_items_job" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_mappings" ADD CONSTRAINT "fk_import_mappings_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_rows" ADD CONSTRAINT "fk_import_rows_job" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_rows" DROP CONSTRAINT "fk_import_rows_job"`);
    await queryRunner.query(`ALTER TABLE "import_mappings" DROP CONSTRAINT "fk_import_mappings_user"`);
    await queryRunner.query(`ALTER TABLE "import_items" DROP CONSTRAINT "fk_import_items_job"`);
    await queryRunner.query(`ALTER TABLE "import_jobs" DROP CONSTRAINT "fk_import_jobs_undone_by"`);
    await queryRunner.query(`ALTER TABLE "import_jobs" DROP CONSTRAINT "fk_import_jobs_applied_by"`);
    await queryRunner.query(`ALTER TABLE "import_jobs" DROP CONSTRAINT "fk_import_jobs_created_by"`);
    await queryRunner.query(`DROP TABLE "import_rows"`);
    await queryRunner.query(`DROP TABLE "import_mappings"`);
    await queryRunner.query(`DROP INDEX "public"."idx_import_items_entity"`);
    await queryRunner.query(`DROP TABLE "import_items"`);
    await queryRunner.query(`DROP INDEX "public"."idx_import_jobs_dep_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_import_jobs_created_by"`);
    await queryRunner.query(`DROP TABLE "import_jobs"`);
  }
}
