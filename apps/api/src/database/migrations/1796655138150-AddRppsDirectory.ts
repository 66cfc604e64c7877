import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRppsDirectory1796655138150 implements MigrationInterface {
  name = 'AddRppsDirectory1796655138150';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rpps_loads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" character varying(10) NOT NULL DEFAULT 'loading', "file_name" character varying(255) NOT NULL, "column_count" smallint, "bytes_total" bigint, "bytes_read" bigint NOT NULL DEFAULT '0', "rows_read" integer NOT NULL DEFAULT '0', "rows_kept" integer NOT NULL DEFAULT '0', "malformed_lines" integer NOT NULL DEFAULT '0', "problems" jsonb NOT NULL DEFAULT '[]', "error" text, "loaded_by_id" uuid, CONSTRAINT "ck_rpps_loads_status" CHECK ("status" IN ('loading', 'loaded', 'failed')), CONSTRAINT "PK_7756ec57404d781784805c99131" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_rpps_loads_started" ON "rpps_loads"  ("started_at") `);
    await queryRunner.query(
      `CREATE TABLE "rpps_practitioners" ("line_no" integer NOT NULL, "national_id" text NOT NULL, "rpps" character varying(11), "civility_code" text, "last_name" text NOT NULL, "first_name" text NOT NULL, "profession_code" text NOT NULL, "profession_label" text, "savoir_faire_code" text, "savoir_faire_label" text, "practice_mode_code" text, "practice_mode_label" text, "siret" text, "structure_name" text, "address" text, "postal_code" text, "commune_code" character varying(5) NOT NULL, "commune_label" text, "departement_code" character varying(3) NOT NULL, "sector_code" text, "sector_label" text, "search_text" text NOT NULL, CONSTRAINT "PK_aefc286298bd587a813eb1fc5d9" PRIMARY KEY ("line_no"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_rpps_practitioners_commune" ON "rpps_practitioners"  ("commune_code") `);
    await queryRunner.query(
      `CREATE INDEX "idx_rpps_practitioners_national_id" ON "rpps_practitioners"  ("national_id") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_rpps_practitioners_rpps" ON "rpps_practitioners"  ("rpps") `);
    await queryRunner.query(
      `CREATE INDEX "idx_rpps_practitioners_dep_profession" ON "rpps_practitioners"  ("departement_code", "profession_code", "savoir_faire_code") `,
    );
    await queryRunner.query(
      `ALTER TABLE "rpps_loads" ADD CONSTRAINT "fk_rpps_loads_loaded_by" FOREIGN KEY ("loaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rpps_loads" DROP CONSTRAINT "fk_rpps_loads_loaded_by"`);
    await queryRunner.query(`DROP INDEX "public"."idx_rpps_practitioners_dep_profession"`);
    await queryRunner.query(`DROP INDEX "public"."idx_rpps_practitioners_rpps"`);
    await queryRunner.query(`DROP INDEX "public"."idx_rpps_practitioners_national_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_rpps_practitioners_commune"`);
    await queryRunner.query(`DROP TABLE "rpps_practitioners"`);
    await queryRunner.query(`DROP INDEX "public"."idx_rpps_loads_started"`);
    await queryRunner.query(`DROP TABLE "rpps_loads"`);
  }
}
