import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts and sessions, the territory (départements, EPCI, communes, zonage, contours) and the audit trail. */
export class CreateFoundation1795329274433 implements MigrationInterface {
  name = 'CreateFoundation1795329274433';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram search on commune names (pg_trgm is a trusted extension since PostgreSQL 13).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_email" character varying(254), "action" character varying(40) NOT NULL, "entity_type" character varying(60) NOT NULL, "entity_id" character varying(64) NOT NULL, "departement_code" character varying(3), "changes" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_events_departement_time" ON "audit_events"  ("departement_code", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_events_entity" ON "audit_events"  ("entity_type", "entity_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "departements" ("code" character varying(3) NOT NULL, "name" character varying(100) NOT NULL, "region_code" character varying(3) NOT NULL, "chef_lieu" character varying(5), CONSTRAINT "PK_97c0336beb4313c77802996e0b7" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "email" character varying(254) NOT NULL, "display_name" character varying(120) NOT NULL, "role" character varying(20) NOT NULL, "departement_code" character varying(3), "password_hash" character varying(255) NOT NULL, "is_active" boolean NOT NULL DEFAULT true, "last_login_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_users_national_admin_only" CHECK ("departement_code" IS NOT NULL OR "role" = 'admin'), CONSTRAINT "ck_users_role" CHECK ("role" IN ('admin', 'mission_officer', 'cdom', 'departement', 'committee')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_users_departement_role" ON "users"  ("departement_code", "role") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip_address" character varying(64), "user_agent" character varying(300), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_sessions_user" ON "sessions"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_sessions_token_hash" ON "sessions"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "epcis" ("siren" character(9) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(10) NOT NULL, "population" integer, CONSTRAINT "PK_d2de3c709a983f29012d8ee6e57" PRIMARY KEY ("siren"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "communes" ("code" character varying(5) NOT NULL, "name" character varying(100) NOT NULL, "search_name" character varying(100) NOT NULL, "departement_code" character varying(3) NOT NULL, "epci_siren" character(9), "population" integer, "postal_codes" character varying(5) array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b3f497044892b8d98c492f4900e" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_communes_epci" ON "communes"  ("epci_siren") `);
    await queryRunner.query(
      `CREATE INDEX "idx_communes_departement_name" ON "communes"  ("departement_code", "search_name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_communes_search_trgm" ON "communes" USING gin ("search_name" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE TABLE "commune_contours" ("commune_code" character varying(5) NOT NULL, "geometry" jsonb NOT NULL, "source" character varying(500) NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_408d5f0b0b6390c34df018a04e6" PRIMARY KEY ("commune_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "commune_zonages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "commune_code" character varying(5) NOT NULL, "zonage" character varying(8) NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "source" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_commune_zonages_dates" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from"), CONSTRAINT "ck_commune_zonages_zonage" CHECK ("zonage" IN ('ZIP', 'ZAC', 'QPV_ZIP', 'QPV_ZAC', 'ZV', 'HZ')), CONSTRAINT "PK_6b0d6d6cbc551aae484b346f2c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_commune_zonages_commune_from" ON "commune_zonages"  ("commune_code", "valid_from") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "fk_users_departement" FOREIGN KEY ("departement_code") REFERENCES "departements"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "fk_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "communes" ADD CONSTRAINT "fk_communes_departement" FOREIGN KEY ("departement_code") REFERENCES "departements"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "communes" ADD CONSTRAINT "fk_communes_epci" FOREIGN KEY ("epci_siren") REFERENCES "epcis"("siren") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commune_contours" ADD CONSTRAINT "fk_commune_contours_commune" FOREIGN KEY ("commune_code") REFERENCES "communes"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commune_zonages" ADD CONSTRAINT "fk_commune_zonages_commune" FOREIGN KEY ("commune_code") REFERENCES "communes"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "commune_zonages" DROP CONSTRAINT "fk_commune_zonages_commune"`);
    await queryRunner.query(`ALTER TABLE "commune_contours" DROP CONSTRAINT "fk_commune_contours_commune"`);
    await queryRunner.query(`ALTER TABLE "communes" DROP CONSTRAINT "fk_communes_epci"`);
    await queryRunner.query(`ALTER TABLE "communes" DROP CONSTRAINT "fk_communes_departement"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "fk_sessions_user"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_departement"`);
    await queryRunner.query(`DROP INDEX "public"."idx_commune_zonages_commune_from"`);
    await queryRunner.query(`DROP TABLE "commune_zonages"`);
    await queryRunner.query(`DROP TABLE "commune_contours"`);
    await queryRunner.query(`DROP INDEX "public"."idx_communes_search_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_communes_departement_name"`);
    await queryRunner.query(`DROP INDEX "public"."idx_communes_epci"`);
    await queryRunner.query(`DROP TABLE "communes"`);
    await queryRunner.query(`DROP TABLE "epcis"`);
    await queryRunner.query(`DROP INDEX "public"."uq_sessions_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."idx_sessions_user"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_email"`);
    await queryRunner.query(`DROP INDEX "public"."idx_users_departement_role"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "departements"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_events_entity"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_events_departement_time"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
