import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reporting: offer snapshots, committee meetings, annual reports; tasks may concern a committee meeting. */
export class AddReporting1795335011197 implements MigrationInterface {
  name = 'AddReporting1795335011197';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Tasks may now concern a committee meeting (its action items). TypeORM compares checks by name
    // only, so this change is written by hand.
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "ck_tasks_subject"`);
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "ck_tasks_subject" CHECK (("subject_type" IS NULL AND "subject_id" IS NULL) OR ("subject_type" IN ('site', 'professional', 'referral', 'access_issue', 'site_visit', 'accreditation', 'measure', 'committee_meeting') AND "subject_id" IS NOT NULL))`,
    );
    await queryRunner.query(
      `CREATE TABLE "annual_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "year" smallint NOT NULL, "title" character varying(200) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'draft', "sections" jsonb NOT NULL DEFAULT '{}', "figures" jsonb, "presented_on" date, "approved_on" date, "approved_by_id" uuid, CONSTRAINT "ck_annual_reports_frozen" CHECK ("status" <> 'approved' OR ("figures" IS NOT NULL AND "approved_on" IS NOT NULL)), CONSTRAINT "ck_annual_reports_year" CHECK ("year" BETWEEN 2020 AND 2100), CONSTRAINT "ck_annual_reports_status" CHECK ("status" IN ('draft', 'presented', 'approved')), CONSTRAINT "PK_2bd25360a5f2ad891ff4a71102b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_annual_reports_dep_year_live" ON "annual_reports"  ("departement_code", "year") WHERE "archived_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "offer_snapshots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "taken_on" date NOT NULL, "title" character varying(200) NOT NULL, "note" text, "figures" jsonb NOT NULL, "taken_by_id" uuid, CONSTRAINT "PK_c1052b636ad566ff3833c693c06" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_offer_snapshots_dep_taken" ON "offer_snapshots"  ("departement_code", "taken_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "committee_meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "kind" character varying(12) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'planned', "held_on" date NOT NULL, "title" character varying(200) NOT NULL, "location" character varying(200), "attendees" jsonb NOT NULL DEFAULT '[]', "agenda" text, "minutes" text, "decisions" jsonb NOT NULL DEFAULT '[]', "snapshot_id" uuid, "annual_report_id" uuid, CONSTRAINT "ck_committee_meetings_status" CHECK ("status" IN ('planned', 'held', 'cancelled')), CONSTRAINT "ck_committee_meetings_kind" CHECK ("kind" IN ('follow_up', 'strategic')), CONSTRAINT "PK_64a6d42a37b31bef5472da27730" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_committee_meetings_dep_date" ON "committee_meetings"  ("departement_code", "held_on") `,
    );
    await queryRunner.query(
      `ALTER TABLE "offer_snapshots" ADD CONSTRAINT "fk_offer_snapshots_taken_by" FOREIGN KEY ("taken_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "committee_meetings" ADD CONSTRAINT "fk_committee_meetings_snapshot" FOREIGN KEY ("snapshot_id") REFERENCES "offer_snapshots"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "committee_meetings" ADD CONSTRAINT "fk_committee_meetings_annual_report" FOREIGN KEY ("annual_report_id") REFERENCES "annual_reports"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "tasks" WHERE "subject_type" = 'committee_meeting'`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "ck_tasks_subject"`);
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "ck_tasks_subject" CHECK (("subject_type" IS NULL AND "subject_id" IS NULL) OR ("subject_type" IN ('site', 'professional', 'referral', 'access_issue', 'site_visit', 'accreditation', 'measure') AND "subject_id" IS NOT NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "committee_meetings" DROP CONSTRAINT "fk_committee_meetings_annual_report"`);
    await queryRunner.query(`ALTER TABLE "committee_meetings" DROP CONSTRAINT "fk_committee_meetings_snapshot"`);
    await queryRunner.query(`ALTER TABLE "offer_snapshots" DROP CONSTRAINT "fk_offer_snapshots_taken_by"`);
    await queryRunner.query(`DROP INDEX "public"."idx_committee_meetings_dep_date"`);
    await queryRunner.query(`DROP TABLE "committee_meetings"`);
    await queryRunner.query(`DROP INDEX "public"."idx_offer_snapshots_dep_taken"`);
    await queryRunner.query(`DROP TABLE "offer_snapshots"`);
    await queryRunner.query(`DROP INDEX "public"."uq_annual_reports_dep_year_live"`);
    await queryRunner.query(`DROP TABLE "annual_reports"`);
  }
}
