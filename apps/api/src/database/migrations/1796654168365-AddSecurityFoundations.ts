import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security (issue 12): idle timeout of sessions, login throttling and idempotency keys kept in
 * PostgreSQL (shared by every instance), RPPS unique within a département, and contact details
 * of professionals only with their consent.
 */
export class AddSecurityFoundations1796654168365 implements MigrationInterface {
  name = 'AddSecurityFoundations1796654168365';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    // The table of rate-limiter-flexible (RateLimiterPostgres), created here rather than by the library.
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT 0, "expire" bigint, CONSTRAINT "pk_login_throttle" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "key" character varying(255) NOT NULL, "method" character varying(10) NOT NULL, "path" character varying(500) NOT NULL, "request_hash" character(64) NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'pending', "created_id" uuid, "status_code" smallint, "response" jsonb, "locked_until" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("user_id", "key"), CONSTRAINT "ck_idempotency_keys_state" CHECK ("state" IN ('pending', 'committed', 'done')), CONSTRAINT "fk_idempotency_keys_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(`CREATE INDEX "idx_idempotency_keys_expires" ON "idempotency_keys" ("expires_at")`);
    await queryRunner.query(`DROP INDEX "public"."uq_professionals_rpps_live"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_professionals_dep_rpps_live" ON "professionals" ("departement_code", "rpps") WHERE "archived_at" IS NULL AND "rpps" IS NOT NULL`,
    );
    // Contact details recorded without consent are erased, then refused.
    await queryRunner.query(
      `UPDATE "professionals" SET "email" = NULL, "phone" = NULL WHERE NOT "contact_consent" AND ("email" IS NOT NULL OR "phone" IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "professionals" ADD CONSTRAINT "ck_professionals_contact_consent" CHECK ("contact_consent" OR ("email" IS NULL AND "phone" IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "professionals" DROP CONSTRAINT "ck_professionals_contact_consent"`);
    await queryRunner.query(`DROP INDEX "public"."uq_professionals_dep_rpps_live"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_professionals_rpps_live" ON "professionals" ("rpps") WHERE "archived_at" IS NULL AND "rpps" IS NOT NULL`,
    );
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "last_seen_at"`);
  }
}
