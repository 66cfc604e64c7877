import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accreditation renewals (a chain without gaps) and professional ↔ site links with role, dates and history. */
export class AddRenewalsAndSiteLinkHistory1796664728539 implements MigrationInterface {
  name = 'AddRenewalsAndSiteLinkHistory1796664728539';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accreditations" ADD "renews_id" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_accreditations_renews" ON "accreditations" ("renews_id") `);
    await queryRunner.query(
      `ALTER TABLE "accreditations" ADD CONSTRAINT "fk_accreditations_renews" FOREIGN KEY ("renews_id") REFERENCES "accreditations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "professional_sites" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "professional_sites" ADD "role" character varying(20)`);
    await queryRunner.query(`ALTER TABLE "professional_sites" ADD "start_date" date`);
    await queryRunner.query(`ALTER TABLE "professional_sites" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_professional_sites_id" ON "professional_sites" ("id") `);
    await queryRunner.query(
      `ALTER TABLE "professional_sites" ADD CONSTRAINT "ck_professional_sites_role" CHECK ("role" IN ('holder', 'partner', 'collaborator', 'employee', 'locum', 'coordinator'))`,
    );
    await queryRunner.query(
      `CREATE TABLE "professional_site_periods" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "professional_id" uuid NOT NULL, "site_id" uuid NOT NULL, "role" character varying(20), "start_date" date, "end_date" date NOT NULL, CONSTRAINT "ck_professional_site_periods_dates" CHECK ("start_date" IS NULL OR "end_date" >= "start_date"), CONSTRAINT "ck_professional_site_periods_role" CHECK ("role" IN ('holder', 'partner', 'collaborator', 'employee', 'locum', 'coordinator')), CONSTRAINT "PK_professional_site_periods" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_professional_site_periods_dep_professional" ON "professional_site_periods" ("departement_code", "professional_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_professional_site_periods_dep_site" ON "professional_site_periods" ("departement_code", "site_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "professional_site_periods" ADD CONSTRAINT "fk_professional_site_periods_professional" FOREIGN KEY ("professional_id") REFERENCES "professionals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "professional_site_periods" ADD CONSTRAINT "fk_professional_site_periods_site" FOREIGN KEY ("site_id") REFERENCES "training_sites"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "professional_site_periods"`);
    await queryRunner.query(`ALTER TABLE "professional_sites" DROP CONSTRAINT "ck_professional_sites_role"`);
    await queryRunner.query(`DROP INDEX "public"."uq_professional_sites_id"`);
    await queryRunner.query(`ALTER TABLE "professional_sites" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "professional_sites" DROP COLUMN "start_date"`);
    await queryRunner.query(`ALTER TABLE "professional_sites" DROP COLUMN "role"`);
    await queryRunner.query(`ALTER TABLE "professional_sites" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "accreditations" DROP CONSTRAINT "fk_accreditations_renews"`);
    await queryRunner.query(`DROP INDEX "public"."uq_accreditations_renews"`);
    await queryRunner.query(`ALTER TABLE "accreditations" DROP COLUMN "renews_id"`);
  }
}
