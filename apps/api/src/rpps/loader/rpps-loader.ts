import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

import { DomainException } from '../../common/errors/domain-exception';
import { extendStallWindow } from '../../common/persistence/long-statements';
import { RPPS_COPY_COLUMNS, RppsScanner, type ScanProgress, type ScanResult } from './rpps-scanner';

/** Any constant shared by every instance (migrations 772_023, reminders 772_024). */
export const RPPS_LOAD_LOCK = 772_031;

export interface RppsLoadOptions {
  /** Départements whose practitioners are kept (`TERRITORY_DEPARTEMENTS`). */
  departements: readonly string[];
  /** `statement_timeout` of the load (`BULK_STATEMENT_TIMEOUT_MS`): the COPY lasts as long as the file. */
  statementTimeoutMs: number;
  onProgress?: (progress: ScanProgress) => void;
}

/**
 * Loads a national extract: the served départements' rows are copied (COPY, streamed) into a
 * temporary staging table, then swapped into `rpps_practitioners` in one transaction. Readers
 * see the old directory until the swap commits; a file that fails anywhere replaces nothing.
 * One load at a time across instances (advisory lock).
 */
export async function loadRppsExtract(ds: DataSource, input: Readable, options: RppsLoadOptions): Promise<ScanResult> {
  const pool = (ds.driver as PostgresDriver).master as Pool;
  const client: PoolClient = await pool.connect();
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      RPPS_LOAD_LOCK,
    ]);
    if (!rows[0].locked) {
      input.destroy();
      throw new DomainException(
        'INVALID_STATE',
        'Un chargement de l’annuaire RPPS est déjà en cours : attendez qu’il se termine.',
      );
    }
    // The COPY streams the whole file and the swap moves every kept row: longer than everyday statements.
    await client.query(`SET statement_timeout = ${Math.max(1, Math.floor(options.statementTimeoutMs))}`);
    await client.query('DROP TABLE IF EXISTS rpps_staging');
    await client.query('CREATE TEMPORARY TABLE rpps_staging (LIKE rpps_practitioners INCLUDING DEFAULTS)');
    const scanner = new RppsScanner(options.departements, options.onProgress);
    const copy = client.query(copyFrom(`COPY rpps_staging (${RPPS_COPY_COLUMNS.join(', ')}) FROM STDIN`));
    try {
      await pipeline(input, scanner, copy);
    } catch (error) {
      // A COPY cut in the middle leaves the connection unusable: it is thrown away below.
      broken = error as Error;
      throw error instanceof DomainException ? error : frenchStreamError(error);
    }
    const result = scanner.result();
    if (result.rowsKept === 0) {
      throw new DomainException(
        'BAD_INPUT',
        `Aucun praticien des départements servis (${options.departements.join(', ')}) dans ce fichier : l’annuaire en place est conservé.`,
      );
    }
    extendStallWindow(client, options.statementTimeoutMs);
    await client.query('BEGIN');
    try {
      await client.query('DELETE FROM rpps_practitioners');
      await client.query('INSERT INTO rpps_practitioners SELECT * FROM rpps_staging');
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    await client.query('ANALYZE rpps_practitioners');
    return result;
  } finally {
    if (!broken) {
      await client.query('DROP TABLE IF EXISTS rpps_staging').catch(() => undefined);
      await client.query('SELECT pg_advisory_unlock($1)', [RPPS_LOAD_LOCK]).catch(() => undefined);
      await client.query('RESET statement_timeout').catch(() => undefined);
    }
    // A broken connection is destroyed: its temporary table and its lock go with it.
    client.release(broken);
  }
}

function frenchStreamError(error: unknown): DomainException | Error {
  const code = (error as { code?: string }).code;
  if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (error as Error).message === 'aborted') {
    return new DomainException(
      'BAD_INPUT',
      'L’envoi du fichier a été interrompu : l’annuaire en place n’a pas été remplacé.',
    );
  }
  return error as Error;
}
