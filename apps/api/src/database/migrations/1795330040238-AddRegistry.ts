import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The registry: training sites and capacities, professionals and the MSU pipeline, accreditations, CDOM referrals, installation intents. */
export class AddRegistry1795330040238 implements MigrationInterface {
  name = 'AddRegistry1795330040238';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "site_capacities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "site_id" uuid NOT NULL, "stage_type" character varying(10) NOT NULL, "places" smallint NOT NULL, CONSTRAINT "ck_site_capacities_places" CHECK ("places" >= 0 AND "places" <= 50), CONSTRAINT "ck_site_capacities_stage_type" CHECK ("stage_type" IN ('EXT_MG', 'N1', 'SAFE', 'LIBRE', 'SASPAS', 'DJ_MG')), CONSTRAINT "PK_28a10c05e2e511741eb278443a8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_site_capacities_stage" ON "site_capacities"  ("stage_type") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_site_capacities_site_stage" ON "site_capacities"  ("site_id", "stage_type") `,
    );
    await queryRunner.query(
      `CREATE TABLE "training_sites" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "name" character varying(200) NOT NULL, "kind" character varying(30) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'prospect', "address_line1" character varying(200) NOT NULL, "address_line2" character varying(200), "postal_code" character varying(5) NOT NULL, "commune_code" character varying(5) NOT NULL, "latitude" double precision, "longitude" double precision, "siret" character(14), "housing_on_site" boolean NOT NULL DEFAULT false, "housing_nearby" boolean NOT NULL DEFAULT false, "public_transport" boolean NOT NULL DEFAULT false, "parking" boolean NOT NULL DEFAULT false, "distance_to_chu_km" numeric(6,1), "notes" text, "search_text" character varying(400) NOT NULL, CONSTRAINT "ck_training_sites_coordinates" CHECK (("latitude" IS NULL) = ("longitude" IS NULL)), CONSTRAINT "ck_training_sites_distance" CHECK ("distance_to_chu_km" IS NULL OR "distance_to_chu_km" >= 0), CONSTRAINT "ck_training_sites_status" CHECK ("status" IN ('prospect', 'active', 'suspended', 'closed')), CONSTRAINT "ck_training_sites_kind" CHECK ("kind" IN ('cabinet_individuel', 'cabinet_groupe', 'msp', 'centre_sante', 'maison_sante_departementale', 'pmi', 'autre')), CONSTRAINT "PK_736e090847ae6dfac1c09e8a9e1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_training_sites_dep_name" ON "training_sites"  ("departement_code", "search_text") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_training_sites_dep_kind" ON "training_sites"  ("departement_code", "kind") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_training_sites_dep_status" ON "training_sites"  ("departement_code", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_training_sites_dep_commune" ON "training_sites"  ("departement_code", "commune_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "professional_sites" ("professional_id" uuid NOT NULL, "site_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4390009d551982d4804853ca40c" PRIMARY KEY ("professional_id", "site_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_professional_sites_site" ON "professional_sites"  ("site_id") `);
    await queryRunner.query(
      `CREATE TABLE "professionals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "civility" character varying(3), "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "search_text" character varying(250) NOT NULL, "rpps" character(11), "profession" character varying(80) NOT NULL DEFAULT 'Médecin', "specialty" character varying(120), "practice_mode" character varying(10), "email" character varying(254), "phone" character varying(30), "first_installation_year" smallint, "contact_consent" boolean NOT NULL DEFAULT false, "msu_stage" character varying(20) NOT NULL DEFAULT 'identified', "msu_stage_since" date NOT NULL, "initial_training_date" date, "initial_training_cycle" character varying(1), "notes" text, CONSTRAINT "ck_professionals_training_cycle" CHECK ("initial_training_cycle" IS NULL OR "initial_training_cycle" IN ('2', '3')), CONSTRAINT "ck_professionals_rpps" CHECK ("rpps" IS NULL OR "rpps" ~ '^[0-9]{11}$'), CONSTRAINT "ck_professionals_msu_stage" CHECK ("msu_stage" IN ('identified', 'contacted', 'interested', 'in_training', 'file_submitted', 'accredited', 'active', 'declined', 'retired')), CONSTRAINT "ck_professionals_practice_mode" CHECK ("practice_mode" IS NULL OR "practice_mode" IN ('liberal', 'salarie', 'mixte')), CONSTRAINT "ck_professionals_civility" CHECK ("civility" IS NULL OR "civility" IN ('M', 'MME', 'DR')), CONSTRAINT "PK_d7dc8473b49fcd938def2799387" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_professionals_dep_name" ON "professionals"  ("departement_code", "search_text") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_professionals_dep_stage" ON "professionals"  ("departement_code", "msu_stage") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_professionals_rpps_live" ON "professionals"  ("rpps") WHERE "archived_at" IS NULL AND "rpps" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "accreditations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "professional_id" uuid, "site_id" uuid, "cycle" character varying(1) NOT NULL, "type" character varying(20) NOT NULL, "stage_types" character varying(10) array NOT NULL DEFAULT '{}', "phases" character varying(20) array NOT NULL DEFAULT '{}', "max_students" smallint NOT NULL, "authority" character varying(200) NOT NULL, "start_date" date, "end_date" date, "status" character varying(20) NOT NULL DEFAULT 'requested', "reference" character varying(100), "after_withdrawal" boolean NOT NULL DEFAULT false, "notes" text, CONSTRAINT "ck_accreditations_dates" CHECK ("end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date"), CONSTRAINT "ck_accreditations_max_students" CHECK ("max_students" BETWEEN 1 AND 20), CONSTRAINT "ck_accreditations_status" CHECK ("status" IN ('requested', 'under_review', 'granted', 'conditional', 'expired', 'withdrawn')), CONSTRAINT "ck_accreditations_type" CHECK ("type" IN ('principal', 'complementaire', 'fonctionnel')), CONSTRAINT "ck_accreditations_cycle" CHECK ("cycle" IN ('2', '3')), CONSTRAINT "ck_accreditations_holder" CHECK (("professional_id" IS NULL) <> ("site_id" IS NULL)), CONSTRAINT "PK_5b9449ae061c7c1bd458f4567a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_accreditations_site" ON "accreditations"  ("site_id") `);
    await queryRunner.query(`CREATE INDEX "idx_accreditations_professional" ON "accreditations"  ("professional_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_accreditations_dep_end" ON "accreditations"  ("departement_code", "end_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_accreditations_dep_status_end" ON "accreditations"  ("departement_code", "status", "end_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "installation_intents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "consent" boolean NOT NULL DEFAULT false, "first_name" character varying(100), "last_name" character varying(100), "initials" character varying(20) NOT NULL, "specialty" character varying(120) NOT NULL, "faculty" character varying(120), "target_commune_codes" character varying(5) array NOT NULL DEFAULT '{}', "horizon" character varying(20) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'intention', "support_offered" text, "professional_id" uuid, "reported_by_id" uuid NOT NULL, "settled_on" date, "notes" text, CONSTRAINT "ck_installation_intents_identity" CHECK ("consent" OR ("first_name" IS NULL AND "last_name" IS NULL)), CONSTRAINT "ck_installation_intents_horizon" CHECK ("horizon" IN ('lt_6_months', '6_12_months', '1_2_years', 'gt_2_years')), CONSTRAINT "ck_installation_intents_status" CHECK ("status" IN ('intention', 'in_discussion', 'settled', 'abandoned')), CONSTRAINT "PK_408018ace73b43d6d006836a29b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_installation_intents_professional" ON "installation_intents"  ("professional_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_installation_intents_dep_status" ON "installation_intents"  ("departement_code", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "msu_stage_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "professional_id" uuid NOT NULL, "from_stage" character varying(20), "to_stage" character varying(20) NOT NULL, "occurred_on" date NOT NULL, "note" text, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7900044fff6be6a67e584812410" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_msu_stage_events_stage_date" ON "msu_stage_events"  ("to_stage", "occurred_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_msu_stage_events_professional" ON "msu_stage_events"  ("professional_id", "occurred_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "msu_training_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "professional_id" uuid NOT NULL, "date" date NOT NULL, "hours" numeric(4,1) NOT NULL, "title" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_msu_training_sessions_hours" CHECK ("hours" > 0 AND "hours" <= 100), CONSTRAINT "PK_2fd15d5bcf09d7e805757e84e09" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_msu_training_sessions_professional" ON "msu_training_sessions"  ("professional_id", "date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "candidate_referrals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "departement_code" character varying(3) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "professional_id" uuid, "civility" character varying(3), "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "rpps" character(11), "specialty" character varying(120), "commune_code" character varying(5), "reason" text NOT NULL, "priority" character varying(10) NOT NULL DEFAULT 'normal', "status" character varying(20) NOT NULL DEFAULT 'new', "referred_by_id" uuid NOT NULL, "assigned_to_id" uuid, "last_follow_up_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "outcome_note" text, CONSTRAINT "ck_candidate_referrals_civility" CHECK ("civility" IS NULL OR "civility" IN ('M', 'MME', 'DR')), CONSTRAINT "ck_candidate_referrals_priority" CHECK ("priority" IN ('low', 'normal', 'high')), CONSTRAINT "ck_candidate_referrals_status" CHECK ("status" IN ('new', 'assigned', 'in_progress', 'converted', 'declined', 'not_eligible')), CONSTRAINT "PK_7105137a61fb66b6f5d67a5946b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_candidate_referrals_professional" ON "candidate_referrals"  ("professional_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_candidate_referrals_assigned_to" ON "candidate_referrals"  ("assigned_to_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_candidate_referrals_referred_by" ON "candidate_referrals"  ("referred_by_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_candidate_referrals_dep_status_created" ON "candidate_referrals"  ("departement_code", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "referral_follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" text NOT NULL, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_92fc1b4d968df2d58dce0b93a3b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_referral_follow_ups_referral" ON "referral_follow_ups"  ("referral_id", "occurred_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "site_capacities" ADD CONSTRAINT "fk_site_capacities_site" FOREIGN KEY ("site_id") REFERENCES "training_sites"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_sites" ADD CONSTRAINT "fk_training_sites_commune" FOREIGN KEY ("commune_code") REFERENCES "communes"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "professional_sites" ADD CONSTRAINT "fk_professional_sites_professional" FOREIGN KEY ("professional_id") REFERENCES "professionals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "professional_sites" ADD CONSTRAINT "fk_professional_sites_site" FOREIGN KEY ("site_id") REFERENCES "training_sites"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "accreditations" ADD CONSTRAINT "fk_accreditations_professional" FOREIGN KEY ("professional_id") REFERENCES "professionals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "accreditations" ADD CONSTRAINT "fk_accreditations_site" FOREIGN KEY ("site_id") REFERENCES "training_sites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "installation_intents" ADD CONSTRAINT "fk_installation_intents_professional" FOREIGN KEY ("professional_id") REFERENCES "professionals"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "installation_intents" ADD CONSTRAINT "fk_installation_intents_reported_by" FOREIGN KEY ("reported_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "msu_stage_events" ADD CONSTRAINT "fk_msu_stage_events_professional" FOREIGN KEY ("professional_id") REFERENCES "professionals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "msu_training_sessions" ADD CONSTRAINT "fk_msu_training_sessions_professional" FOREIGN KEY ("professional_id") REFERENCES "professionals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_referrals" ADD CONSTRAINT "fk_candidate_referrals_professional" FOREIGN KEY ("professional_id") REFERENCES "professionals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_referrals" ADD CONSTRAINT "fk_candidate_referrals_referred_by" FOREIGN KEY ("referred_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_referrals" ADD CONSTRAINT "fk_candidate_referrals_assigned_to" FOREIGN KEY ("assigned_to_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_follow_ups" ADD CONSTRAINT "fk_referral_follow_ups_referral" FOREIGN KEY ("referral_id") REFERENCES "candidate_referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_training_sites_search_trgm" ON "training_sites" USING gin ("search_text" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_professionals_search_trgm" ON "professionals" USING gin ("search_text" gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_professionals_search_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_training_sites_search_trgm"`);
    await queryRunner.query(`ALTER TABLE "referral_follow_ups" DROP CONSTRAINT "fk_referral_follow_ups_referral"`);
    await queryRunner.query(`ALTER TABLE "candidate_referrals" DROP CONSTRAINT "fk_candidate_referrals_assigned_to"`);
    await queryRunner.query(`ALTER TABLE "candidate_referrals" DROP CONSTRAINT "fk_candidate_referrals_referred_by"`);
    await queryRunner.query(`ALTER TABLE "candidate_referrals" DROP CONSTRAINT "fk_candidate_referrals_professional"`);
    await queryRunner.query(
      `ALTER TABLE "msu_training_sessions" DROP CONSTRAINT "fk_msu_training_sessions_professional"`,
    );
    await queryRunner.query(`ALTER TABLE "msu_stage_events" DROP CONSTRAINT "fk_msu_stage_events_professional"`);
    await queryRunner.query(`ALTER TABLE "installation_intents" DROP CONSTRAINT "fk_installation_intents_reported_by"`);
    await queryRunner.query(
      `ALTER TABLE "installation_intents" DROP CONSTRAINT "fk_installation_intents_professional"`,
    );
    await queryRunner.query(`ALTER TABLE "accreditations" DROP CONSTRAINT "fk_accreditations_site"`);
    await queryRunner.query(`ALTER TABLE "accreditations" DROP CONSTRAINT "fk_accreditations_professional"`);
    await queryRunner.query(`ALTER TABLE "professional_sites" DROP CONSTRAINT "fk_professional_sites_site"`);
    await queryRunner.query(`ALTER TABLE "professional_sites" DROP CONSTRAINT "fk_professional_sites_professional"`);
    await queryRunner.query(`ALTER TABLE "training_sites" DROP CONSTRAINT "fk_training_sites_commune"`);
    await queryRunner.query(`ALTER TABLE "site_capacities" DROP CONSTRAINT "fk_site_capacities_site"`);
    await queryRunner.query(`DROP INDEX "public"."idx_referral_follow_ups_referral"`);
    await queryRunner.query(`DROP TABLE "referral_follow_ups"`);
    await queryRunner.query(`DROP INDEX "public"."idx_candidate_referrals_dep_status_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_candidate_referrals_referred_by"`);
    await queryRunner.query(`DROP INDEX "public"."idx_candidate_referrals_assigned_to"`);
    await queryRunner.query(`DROP INDEX "public"."idx_candidate_referrals_professional"`);
    await queryRunner.query(`DROP TABLE "candidate_referrals"`);
    await queryRunner.query(`DROP INDEX "public"."idx_msu_training_sessions_professional"`);
    await queryRunner.query(`DROP TABLE "msu_training_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."idx_msu_stage_events_professional"`);
    await queryRunner.query(`DROP INDEX "public"."idx_msu_stage_events_stage_date"`);
    await queryRunner.query(`DROP TABLE "msu_stage_events"`);
    await queryRunner.query(`DROP INDEX "public"."idx_installation_intents_dep_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_installation_intents_professional"`);
    await queryRunner.query(`DROP TABLE "installation_intents"`);
    await queryRunner.query(`DROP INDEX "public"."idx_accreditations_dep_status_end"`);
    await queryRunner.query(`DROP INDEX "public"."idx_accreditations_dep_end"`);
    await queryRunner.query(`DROP INDEX "public"."idx_accreditations_professional"`);
    await queryRunner.query(`DROP INDEX "public"."idx_accreditations_site"`);
    await queryRunner.query(`DROP TABLE "accreditations"`);
    await queryRunner.query(`DROP INDEX "public"."uq_professionals_rpps_live"`);
    await queryRunner.query(`DROP INDEX "public"."idx_professionals_dep_stage"`);
    await queryRunner.query(`DROP INDEX "public"."idx_professionals_dep_name"`);
    await queryRunner.query(`DROP TABLE "professionals"`);
    await queryRunner.query(`DROP INDEX "public"."idx_professional_sites_site"`);
    await queryRunner.query(`DROP TABLE "professional_sites"`);
    await queryRunner.query(`DROP INDEX "public"."idx_training_sites_dep_commune"`);
    await queryRunner.query(`DROP INDEX "public"."idx_training_sites_dep_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_training_sites_dep_kind"`);
    await queryRunner.query(`DROP INDEX "public"."idx_training_sites_dep_name"`);
    await queryRunner.query(`DROP TABLE "training_sites"`);
    await queryRunner.query(`DROP INDEX "public"."uq_site_capacities_site_stage"`);
    await queryRunner.query(`DROP INDEX "public"."idx_site_capacities_stage"`);
    await queryRunner.query(`DROP TABLE "site_capacities"`);
  }
}
