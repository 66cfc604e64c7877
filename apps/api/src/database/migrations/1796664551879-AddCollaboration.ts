import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `maillage_fold(text)` is `normalizeSearchText` (libs/shared/domain) in SQL, for columns that
 * have no folded copy: letters with diacritics lose them (every Latin letter that Unicode
 * decomposes), œ/æ become oe/ae, then lower case, and anything but [a-z0-9] becomes one space.
 * IMMUTABLE, so that it can back an expression index.
 */
const ACCENTED =
  'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ';
const PLAIN =
  'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy';
const FOLD_FUNCTION = `CREATE OR REPLACE FUNCTION maillage_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(translate(
    replace(replace(replace(replace(value, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
    '${ACCENTED}', '${PLAIN}')), '[^a-z0-9]+', ' ', 'g'))
$$`;
/** The referral names as the search box reads them (`search/search-sql.ts` repeats it, to use the index). */
const REFERRAL_SEARCH_TEXT = `maillage_fold(first_name || ' ' || last_name)`;
const MEETING_SEARCH_TEXT = `maillage_fold(title || ' ' || coalesce(location, ''))`;

export class AddCollaboration1796664551879 implements MigrationInterface {
  name = 'AddCollaboration1796664551879';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "record_type" character varying(20) NOT NULL, "record_id" uuid NOT NULL, "current_version" integer NOT NULL, "created_by_id" uuid, CONSTRAINT "ck_documents_record_type" CHECK ("record_type" IN ('site', 'accreditation', 'site_visit', 'referral', 'committee_meeting')), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_documents_dep_created" ON "documents"  ("departement_code", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_documents_record" ON "documents"  ("record_type", "record_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "document_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "number" integer NOT NULL, "file_name" character varying(255) NOT NULL, "media_type" character varying(100) NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_document_versions_size" CHECK ("size_bytes" > 0), CONSTRAINT "PK_baf26dab035c6d6fc433f9dc6a2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_document_versions_number" ON "document_versions"  ("document_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "document_chunks" ("version_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_a130c42eac0218ee8466a9757c5" PRIMARY KEY ("version_id", "seq"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "departement_code" character varying(3) NOT NULL, "kind" character varying(30) NOT NULL, "dedupe_key" character varying(200) NOT NULL, "user_id" uuid, "recipient" character varying(254) NOT NULL, "subject" character varying(250) NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "max_attempts" integer NOT NULL, "next_attempt_at" TIMESTAMP WITH TIME ZONE, "locked_until" TIMESTAMP WITH TIME ZONE, "locked_by" character varying(80), "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_outbox_messages_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed')), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_messages_dep_status_created" ON "outbox_messages"  ("departement_code", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_messages_status_due" ON "outbox_messages"  ("status", "next_attempt_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_outbox_messages_dedupe_key" ON "outbox_messages"  ("dedupe_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "email_kinds" character varying(30) array NOT NULL DEFAULT '{}', "digest_weekday" smallint NOT NULL DEFAULT '1', "digest_hour" smallint NOT NULL DEFAULT '8', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_notification_preferences_hour" CHECK ("digest_hour" BETWEEN 0 AND 23), CONSTRAINT "ck_notification_preferences_weekday" CHECK ("digest_weekday" BETWEEN 1 AND 7), CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "departement_code" character varying(3) NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "link" character varying(300) NOT NULL, "dedupe_key" character varying(200) NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN ('referral_created', 'intent_reported', 'referral_converted', 'referral_closed', 'weekly_digest')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_user_unread" ON "notifications"  ("user_id", "created_at") WHERE "read_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_user_created" ON "notifications"  ("user_id", "created_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notifications_dedupe_key" ON "notifications"  ("dedupe_key") `);
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "fk_documents_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD CONSTRAINT "fk_document_versions_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD CONSTRAINT "fk_document_versions_uploaded_by" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_chunks" ADD CONSTRAINT "fk_document_chunks_version" FOREIGN KEY ("version_id") REFERENCES "document_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD CONSTRAINT "fk_outbox_messages_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "fk_notification_preferences_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Files are mostly compressed already (PDF, images, office zips): do not compress chunks again.
    await queryRunner.query(`ALTER TABLE "document_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL`);
    await queryRunner.query(FOLD_FUNCTION);
    await queryRunner.query(
      `CREATE INDEX "idx_candidate_referrals_search_trgm" ON "candidate_referrals" USING gin ((${REFERRAL_SEARCH_TEXT}) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_committee_meetings_search_trgm" ON "committee_meetings" USING gin ((${MEETING_SEARCH_TEXT}) gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_committee_meetings_search_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_candidate_referrals_search_trgm"`);
    await queryRunner.query(`DROP FUNCTION maillage_fold(text)`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_user"`);
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" DROP CONSTRAINT "fk_notification_preferences_user"`,
    );
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "fk_outbox_messages_user"`);
    await queryRunner.query(`ALTER TABLE "document_chunks" DROP CONSTRAINT "fk_document_chunks_version"`);
    await queryRunner.query(`ALTER TABLE "document_versions" DROP CONSTRAINT "fk_document_versions_uploaded_by"`);
    await queryRunner.query(`ALTER TABLE "document_versions" DROP CONSTRAINT "fk_document_versions_document"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "fk_documents_created_by"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notifications_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_user_unread"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP INDEX "public"."uq_outbox_messages_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_messages_status_due"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_messages_dep_status_created"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP TABLE "document_chunks"`);
    await queryRunner.query(`DROP INDEX "public"."uq_document_versions_number"`);
    await queryRunner.query(`DROP TABLE "document_versions"`);
    await queryRunner.query(`DROP INDEX "public"."idx_documents_record"`);
    await queryRunner.query(`DROP INDEX "public"."idx_documents_dep_created"`);
    await queryRunner.query(`DROP TABLE "documents"`);
  }
}
