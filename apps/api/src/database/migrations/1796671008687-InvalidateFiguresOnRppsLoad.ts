import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard and the map show general practitioners per 10 000 inhabitants from the RPPS
 * directory and the day it was loaded (figures/gp-density.ts): a new load must make their cached
 * figures stale (AddFigureChanges). The directory is replaced whole (DELETE, then INSERT of the
 * served départements' rows), so each statement on `rpps_practitioners` records a change for every
 * département, without transition tables (a load moves hundreds of thousands of rows). A load that
 * changes status (to « loaded » once the swap has committed) does the same, since the figures show
 * its date; its progress updates (bytes, rows read) do not.
 */
export class InvalidateFiguresOnRppsLoad1796671008687 implements MigrationInterface {
  name = 'InvalidateFiguresOnRppsLoad1796671008687';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TRIGGER "trg_rpps_practitioners_figures" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
      ON "rpps_practitioners" FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_everywhere()`);
    await queryRunner.query(`CREATE TRIGGER "trg_rpps_loads_figures_status" AFTER UPDATE ON "rpps_loads"
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION figure_changes_everywhere()`);
    await queryRunner.query(`CREATE TRIGGER "trg_rpps_loads_figures_delete" AFTER DELETE ON "rpps_loads"
      FOR EACH ROW WHEN (OLD.status = 'loaded') EXECUTE FUNCTION figure_changes_everywhere()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_rpps_loads_figures_delete" ON "rpps_loads"`);
    await queryRunner.query(`DROP TRIGGER "trg_rpps_loads_figures_status" ON "rpps_loads"`);
    await queryRunner.query(`DROP TRIGGER "trg_rpps_practitioners_figures" ON "rpps_practitioners"`);
  }
}
