import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Field work: site visits and participants, access issues, support measures, tasks and reminders, semester demand. */
export class AddFieldWork1795331857178 implements MigrationInterface {
  name = 'AddFieldWork1795331857178';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "visit_participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "visit_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "user_id" uuid, "professional_id" uuid, "name" character varying(200), CONSTRAINT "ck_visit_participants_who" CHECK ("user_id" IS NOT NULL OR "professional_id" IS NOT NULL OR "name" IS NOT NULL), CONSTRAINT "ck_visit_participants_kind" CHECK ("kind" IN ('mission_officer', 'cdom', 'msu', 'other')), CONSTRAINT "PK_4d28d8b0199d233047a16872905" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_visit_participants_user" ON "visit_participants"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "idx_visit_participants_visit" ON "visit_participants"  ("visit_id") `);
    await queryRunner.query(
      `CREATE TABLE "site_visits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "site_id" uuid NOT NULL, "purpose" character varying(20) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'planned', "planned_on" date NOT NULL, "planned_time" character varying(5), "visited_on" date, "checklist" jsonb NOT NULL DEFAULT '{}', "findings" text, "next_visit_on" date, "notes" text, CONSTRAINT "ck_site_visits_done" CHECK ("status" <> 'done' OR "visited_on" IS NOT NULL), CONSTRAINT "ck_site_visits_status" CHECK ("status" IN ('planned', 'done', 'cancelled')), CONSTRAINT "ck_site_visits_purpose" CHECK ("purpose" IN ('prospection', 'follow_up', 'accreditation', 'issue_resolution')), CONSTRAINT "PK_33b7e3823d02ff3218134f0a277" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_site_visits_dep_status" ON "site_visits"  ("departement_code", "status") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_site_visits_site_date" ON "site_visits"  ("site_id", "planned_on") `);
    await queryRunner.query(
      `CREATE INDEX "idx_site_visits_dep_planned" ON "site_visits"  ("departement_code", "planned_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "access_issues" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "site_id" uuid NOT NULL, "category" character varying(20) NOT NULL, "severity" smallint NOT NULL, "description" text NOT NULL, "source" character varying(10) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'open', "raised_on" date NOT NULL, "closed_on" date, "resolution" text, "visit_id" uuid, "reported_by_id" uuid, CONSTRAINT "ck_access_issues_closed" CHECK ("status" NOT IN ('resolved', 'wont_fix') OR "closed_on" IS NOT NULL), CONSTRAINT "ck_access_issues_severity" CHECK ("severity" BETWEEN 1 AND 4), CONSTRAINT "ck_access_issues_source" CHECK ("source" IN ('visit', 'intern', 'msu', 'cdom')), CONSTRAINT "ck_access_issues_status" CHECK ("status" IN ('open', 'in_progress', 'resolved', 'wont_fix')), CONSTRAINT "ck_access_issues_category" CHECK ("category" IN ('public_transport', 'distance', 'housing', 'parking', 'premises', 'it', 'supervision', 'pay', 'safety', 'other')), CONSTRAINT "PK_7d0336d47e8296790176216b153" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_access_issues_visit" ON "access_issues"  ("visit_id") `);
    await queryRunner.query(`CREATE INDEX "idx_access_issues_site_status" ON "access_issues"  ("site_id", "status") `);
    await queryRunner.query(
      `CREATE INDEX "idx_access_issues_dep_status_category" ON "access_issues"  ("departement_code", "status", "category") `,
    );
    await queryRunner.query(
      `CREATE TABLE "support_measures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "type" character varying(20) NOT NULL, "name" character varying(200) NOT NULL, "description" text, "budget_planned" numeric(12,2) NOT NULL DEFAULT '0', "budget_committed" numeric(12,2) NOT NULL DEFAULT '0', "start_date" date, "end_date" date, "status" character varying(12) NOT NULL DEFAULT 'planned', "indicators" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "ck_support_measures_dates" CHECK ("end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date"), CONSTRAINT "ck_support_measures_budget" CHECK ("budget_planned" >= 0 AND "budget_committed" >= 0), CONSTRAINT "ck_support_measures_status" CHECK ("status" IN ('planned', 'active', 'completed', 'cancelled')), CONSTRAINT "ck_support_measures_type" CHECK ("type" IN ('housing_aid', 'intern_house', 'transport_aid', 'equipment_funding', 'communication', 'teleconsultation', 'other')), CONSTRAINT "PK_855c1506c02cc3ef1e064cb17d6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_support_measures_dep_status" ON "support_measures"  ("departement_code", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "semester_demands" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "semester" character varying(6) NOT NULL, "stage_type" character varying(10) NOT NULL, "places_requested" integer NOT NULL, "places_filled" integer, "source" character varying(200), CONSTRAINT "ck_semester_demands_places" CHECK ("places_requested" >= 0 AND ("places_filled" IS NULL OR "places_filled" >= 0)), CONSTRAINT "ck_semester_demands_stage_type" CHECK ("stage_type" IN ('EXT_MG', 'N1', 'SAFE', 'LIBRE', 'SASPAS', 'DJ_MG')), CONSTRAINT "ck_semester_demands_semester" CHECK ("semester" ~ '^20[0-9]{2}-(W|S)$'), CONSTRAINT "PK_e98f7c935ba0056041ec22ee8c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_semester_demands_dep_semester_stage" ON "semester_demands"  ("departement_code", "semester", "stage_type") `,
    );
    await queryRunner.query(
      `CREATE TABLE "tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "title" character varying(200) NOT NULL, "description" text, "owner_id" uuid, "owner_label" character varying(200), "due_on" date, "status" character varying(10) NOT NULL DEFAULT 'open', "priority" character varying(10) NOT NULL DEFAULT 'normal', "completed_at" TIMESTAMP WITH TIME ZONE, "subject_type" character varying(20), "subject_id" uuid, "visit_id" uuid, "rule" character varying(40), "reminder_key" character varying(200), CONSTRAINT "ck_tasks_rule" CHECK ("rule" IS NULL OR "rule" IN ('accreditation_expiring', 'site_not_visited', 'referral_without_follow_up', 'visit_action_overdue')), CONSTRAINT "ck_tasks_subject" CHECK (("subject_type" IS NULL AND "subject_id" IS NULL) OR ("subject_type" IN ('site', 'professional', 'referral', 'access_issue', 'site_visit', 'accreditation', 'measure') AND "subject_id" IS NOT NULL)), CONSTRAINT "ck_tasks_priority" CHECK ("priority" IN ('low', 'normal', 'high')), CONSTRAINT "ck_tasks_status" CHECK ("status" IN ('open', 'done', 'cancelled')), CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_tasks_reminder_key" ON "tasks"  ("reminder_key") WHERE "reminder_key" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_tasks_subject" ON "tasks"  ("subject_type", "subject_id") `);
    await queryRunner.query(`CREATE INDEX "idx_tasks_owner_status_due" ON "tasks"  ("owner_id", "status", "due_on") `);
    await queryRunner.query(
      `CREATE INDEX "idx_tasks_dep_status_due" ON "tasks"  ("departement_code", "status", "due_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "measure_sites" ("measure_id" uuid NOT NULL, "site_id" uuid NOT NULL, CONSTRAINT "PK_ad1203fa9cc0e396975b177c2fa" PRIMARY KEY ("measure_id", "site_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_01fa151679f7203265768f9c20" ON "measure_sites"  ("measure_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_904bf287535c9e25e08adc7312" ON "measure_sites"  ("site_id") `);
    await queryRunner.query(
      `CREATE TABLE "measure_issues" ("measure_id" uuid NOT NULL, "issue_id" uuid NOT NULL, CONSTRAINT "PK_6f36bd589a2475ede57714bec65" PRIMARY KEY ("measure_id", "issue_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8a4e107d3bf152e848d069ec5e" ON "measure_issues"  ("measure_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_06039a42cfb03e6df42ed4e179" ON "measure_issues"  ("issue_id") `);
    await queryRunner.query(
      `ALTER TABLE "visit_participants" ADD CONSTRAINT "fk_visit_participants_visit" FOREIGN KEY ("visit_id") REFERENCES "site_visits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_participants" ADD CONSTRAINT "fk_visit_participants_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_participants" ADD CONSTRAINT "fk_visit_participants_professional" FOREIGN KEY ("professional_id") REFERENCES "professionals"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "site_visits" ADD CONSTRAINT "fk_site_visits_site" FOREIGN KEY ("site_id") REFERENCES "training_sites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "access_issues" ADD CONSTRAINT "fk_access_issues_site" FOREIGN KEY ("site_id") REFERENCES "training_sites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "access_issues" ADD CONSTRAINT "fk_access_issues_visit" FOREIGN KEY ("visit_id") REFERENCES "site_visits"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "fk_tasks_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "measure_sites" ADD CONSTRAINT "fk_measure_sites_measure" FOREIGN KEY ("measure_id") REFERENCES "support_measures"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "measure_sites" ADD CONSTRAINT "fk_measure_sites_site" FOREIGN KEY ("site_id") REFERENCES "training_sites"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "measure_issues" ADD CONSTRAINT "fk_measure_issues_measure" FOREIGN KEY ("measure_id") REFERENCES "support_measures"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "measure_issues" ADD CONSTRAINT "fk_measure_issues_issue" FOREIGN KEY ("issue_id") REFERENCES "access_issues"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "measure_issues" DROP CONSTRAINT "fk_measure_issues_issue"`);
    await queryRunner.query(`ALTER TABLE "measure_issues" DROP CONSTRAINT "fk_measure_issues_measure"`);
    await queryRunner.query(`ALTER TABLE "measure_sites" DROP CONSTRAINT "fk_measure_sites_site"`);
    await queryRunner.query(`ALTER TABLE "measure_sites" DROP CONSTRAINT "fk_measure_sites_measure"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "fk_tasks_owner"`);
    await queryRunner.query(`ALTER TABLE "access_issues" DROP CONSTRAINT "fk_access_issues_visit"`);
    await queryRunner.query(`ALTER TABLE "access_issues" DROP CONSTRAINT "fk_access_issues_site"`);
    await queryRunner.query(`ALTER TABLE "site_visits" DROP CONSTRAINT "fk_site_visits_site"`);
    await queryRunner.query(`ALTER TABLE "visit_participants" DROP CONSTRAINT "fk_visit_participants_professional"`);
    await queryRunner.query(`ALTER TABLE "visit_participants" DROP CONSTRAINT "fk_visit_participants_user"`);
    await queryRunner.query(`ALTER TABLE "visit_participants" DROP CONSTRAINT "fk_visit_participants_visit"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_06039a42cfb03e6df42ed4e179"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8a4e107d3bf152e848d069ec5e"`);
    await queryRunner.query(`DROP TABLE "measure_issues"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_904bf287535c9e25e08adc7312"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_01fa151679f7203265768f9c20"`);
    await queryRunner.query(`DROP TABLE "measure_sites"`);
    await queryRunner.query(`DROP INDEX "public"."idx_tasks_dep_status_due"`);
    await queryRunner.query(`DROP INDEX "public"."idx_tasks_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "public"."idx_tasks_subject"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tasks_reminder_key"`);
    await queryRunner.query(`DROP TABLE "tasks"`);
    await queryRunner.query(`DROP INDEX "public"."uq_semester_demands_dep_semester_stage"`);
    await queryRunner.query(`DROP TABLE "semester_demands"`);
    await queryRunner.query(`DROP INDEX "public"."idx_support_measures_dep_status"`);
    await queryRunner.query(`DROP TABLE "support_measures"`);
    await queryRunner.query(`DROP INDEX "public"."idx_access_issues_dep_status_category"`);
    await queryRunner.query(`DROP INDEX "public"."idx_access_issues_site_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_access_issues_visit"`);
    await queryRunner.query(`DROP TABLE "access_issues"`);
    await queryRunner.query(`DROP INDEX "public"."idx_site_visits_dep_planned"`);
    await queryRunner.query(`DROP INDEX "public"."idx_site_visits_site_date"`);
    await queryRunner.query(`DROP INDEX "public"."idx_site_visits_dep_status"`);
    await queryRunner.query(`DROP TABLE "site_visits"`);
    await queryRunner.query(`DROP INDEX "public"."idx_visit_participants_visit"`);
    await queryRunner.query(`DROP INDEX "public"."idx_visit_participants_user"`);
    await queryRunner.query(`DROP TABLE "visit_participants"`);
  }
}
