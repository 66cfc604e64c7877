import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which départements' figures (dashboard, map) a write changes, so that cached figures are never
 * served stale, whatever the instance that wrote (figure-cache/README in figure-cache.service.ts).
 *
 * Every statement that writes a table the figures read records, in the same transaction, the
 * départements it touched with its transaction id (`figure_changes`): a statement-level trigger per
 * table reads the rows changed (transition tables). Writers never wait for each other (each
 * transaction inserts its own rows). Cached figures keep the snapshot they were computed from; they
 * are fresh while no recorded change of their départements is invisible to that snapshot
 * (`figures_fresh`). `figure_cache` holds them for every instance; `figure_cache_horizon` bounds the
 * change log: changes older than the horizon are deleted and figures computed before it are stale.
 */

/** How a table's changed rows (`rows`, a transition table) name the départements whose figures change. */
const SOURCES: Record<string, ((rows: string) => string) | 'everywhere'> = {
  training_sites: (r) => `SELECT departement_code FROM ${r}`,
  professionals: (r) => `SELECT departement_code FROM ${r}
    UNION SELECT s.departement_code FROM professional_sites ps JOIN training_sites s ON s.id = ps.site_id
    WHERE ps.professional_id IN (SELECT id FROM ${r})`,
  professional_sites: (r) => `SELECT s.departement_code FROM ${r} x JOIN training_sites s ON s.id = x.site_id
    UNION SELECT p.departement_code FROM ${r} x JOIN professionals p ON p.id = x.professional_id`,
  site_capacities: (r) => `SELECT s.departement_code FROM ${r} x JOIN training_sites s ON s.id = x.site_id`,
  accreditations: (r) => `SELECT departement_code FROM ${r}
    UNION SELECT s.departement_code FROM ${r} x JOIN training_sites s ON s.id = x.site_id
    UNION SELECT s.departement_code FROM ${r} x JOIN professional_sites ps ON ps.professional_id = x.professional_id
      JOIN training_sites s ON s.id = ps.site_id`,
  candidate_referrals: (r) => `SELECT departement_code FROM ${r}`,
  access_issues: (r) => `SELECT departement_code FROM ${r}`,
  site_visits: (r) => `SELECT departement_code FROM ${r}`,
  installation_intents: (r) => `SELECT departement_code FROM ${r}`,
  semester_demands: (r) => `SELECT departement_code FROM ${r}`,
  communes: (r) => `SELECT departement_code FROM ${r}`,
  commune_zonages: (r) => `SELECT c.departement_code FROM ${r} x JOIN communes c ON c.code = x.commune_code`,
  commune_contours: (r) => `SELECT c.departement_code FROM ${r} x JOIN communes c ON c.code = x.commune_code`,
  epcis: 'everywhere',
};

const record = (source: string) => `INSERT INTO figure_changes (departement_code, xid)
      SELECT DISTINCT d, pg_current_xact_id() FROM (${source}) x(d) WHERE d IS NOT NULL
      ON CONFLICT DO NOTHING;`;

const EVENTS = ['INSERT', 'UPDATE', 'DELETE'] as const;

export class AddFigureChanges1796653817223 implements MigrationInterface {
  name = 'AddFigureChanges1796653817223';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "figure_changes" (
      "departement_code" varchar(3) NOT NULL,
      "xid" xid8 NOT NULL,
      "changed_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_figure_changes" PRIMARY KEY ("departement_code", "xid"))`);
    await queryRunner.query(`CREATE TABLE "figure_cache" (
      "cache_key" varchar(300) NOT NULL,
      "snapshot" pg_snapshot NOT NULL,
      "payload" text NOT NULL,
      "etag" varchar(64) NOT NULL,
      "computed_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_figure_cache" PRIMARY KEY ("cache_key"))`);
    await queryRunner.query(`CREATE TABLE "figure_cache_horizon" (
      "id" boolean NOT NULL DEFAULT true,
      "horizon" xid8 NOT NULL,
      "advanced_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_figure_cache_horizon" PRIMARY KEY ("id"),
      CONSTRAINT "ck_figure_cache_horizon_single" CHECK ("id"))`);
    await queryRunner.query(`INSERT INTO "figure_cache_horizon" ("horizon") VALUES ('0'::xid8)`);
    await queryRunner.query(`CREATE FUNCTION figures_fresh(deps text[], snap pg_snapshot) RETURNS boolean
      LANGUAGE sql STABLE AS $$
        SELECT pg_snapshot_xmin(snap) >= (SELECT horizon FROM figure_cache_horizon)
          AND NOT EXISTS (
            SELECT 1 FROM figure_changes f
            WHERE (deps IS NULL OR f.departement_code = ANY(deps))
              AND f.xid >= pg_snapshot_xmin(snap) AND NOT pg_visible_in_snapshot(f.xid, snap))
      $$`);
    await queryRunner.query(`CREATE FUNCTION figure_changes_everywhere() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${record('SELECT code FROM departements')}
        RETURN NULL;
      END $$`);
    for (const [table, source] of Object.entries(SOURCES)) {
      const fn = source === 'everywhere' ? 'figure_changes_everywhere' : `figure_changes_${table}`;
      if (source !== 'everywhere') {
        await queryRunner.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
              ${record(source('new_rows'))}
            END IF;
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
              ${record(source('old_rows'))}
            END IF;
            RETURN NULL;
          END $$`);
      }
      for (const event of EVENTS) {
        const transition = {
          INSERT: 'NEW TABLE AS new_rows',
          UPDATE: 'NEW TABLE AS new_rows OLD TABLE AS old_rows',
          DELETE: 'OLD TABLE AS old_rows',
        }[event];
        await queryRunner.query(`CREATE TRIGGER "trg_${table}_figures_${event.toLowerCase()}" AFTER ${event} ON "${table}"
          REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      }
      await queryRunner.query(`CREATE TRIGGER "trg_${table}_figures_truncate" AFTER TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_everywhere()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, source] of Object.entries(SOURCES)) {
      for (const event of [...EVENTS, 'TRUNCATE']) {
        await queryRunner.query(`DROP TRIGGER "trg_${table}_figures_${event.toLowerCase()}" ON "${table}"`);
      }
      if (source !== 'everywhere') await queryRunner.query(`DROP FUNCTION figure_changes_${table}()`);
    }
    await queryRunner.query(`DROP FUNCTION figure_changes_everywhere()`);
    await queryRunner.query(`DROP FUNCTION figures_fresh(text[], pg_snapshot)`);
    await queryRunner.query(`DROP TABLE "figure_cache_horizon"`);
    await queryRunner.query(`DROP TABLE "figure_cache"`);
    await queryRunner.query(`DROP TABLE "figure_changes"`);
  }
}
