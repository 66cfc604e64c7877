/**
 * A national-scale registry generated in SQL (generate_series), for benchmarks and EXPLAIN plans:
 * every département of France with its communes, and per département `sites` training sites,
 * `professionals` professionals (a third of them MSUs), their accreditations, referrals and intents.
 * Values are synthetic; RPPS and SIRET have the right shape but no valid checksum.
 */
import type { DataSource } from 'typeorm';

export interface NationalDatasetOptions {
  sitesPerDepartement: number;
  professionalsPerDepartement: number;
  /** The départements to fill (their communes must be loaded). */
  departements: string[];
}

/** The tables every dataset report counts, under the name the report gives them. */
const REPORTED_TABLES = {
  departements: 'departements',
  communes: 'communes',
  sites: 'training_sites',
  professionals: 'professionals',
  accreditations: 'accreditations',
  referrals: 'candidate_referrals',
} as const;

/** Rows per reported table, and per table of `K` (names a report adds). */
export type DatasetCounts<K extends string = never> = Record<keyof typeof REPORTED_TABLES | K, number>;

export type NationalDatasetReport = DatasetCounts<'intents'>;

/** Counts the rows of the reported tables and of `extra` (a report's name → the table). */
export async function countDataset<K extends string = never>(
  ds: DataSource,
  extra = {} as Readonly<Record<K, string>>,
): Promise<DatasetCounts<K>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries<string>({ ...REPORTED_TABLES, ...extra })) {
    counts[name] = Number((await ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  }
  return counts as DatasetCounts<K>;
}

const STEPS: { table: string; param?: 'sites' | 'professionals'; sql: string }[] = [
  {
    table: 'users',
    sql: `INSERT INTO users (version, email, display_name, role, departement_code, password_hash)
      SELECT 1, 'cdom.' || lower(d.code) || '@bench.maillage.fr', 'CDOM ' || d.code, 'cdom', d.code, 'x'
      FROM departements d WHERE d.code = ANY($2::varchar[]) ON CONFLICT DO NOTHING`,
  },
  {
    table: 'training_sites',
    param: 'sites',
    sql: `WITH numbered AS (
        SELECT c.code, c.departement_code, c.search_name, coalesce(c.postal_codes[1], '00000') AS postal_code,
               row_number() OVER (PARTITION BY c.departement_code ORDER BY c.code) AS rn,
               count(*) OVER (PARTITION BY c.departement_code) AS n
        FROM communes c)
      INSERT INTO training_sites (version, departement_code, name, kind, status, address_line1, postal_code,
        commune_code, siret, housing_on_site, housing_nearby, public_transport, parking, distance_to_chu_km, search_text)
      SELECT 1, d.code, 'Cabinet médical ' || g, (ARRAY['cabinet_individuel','cabinet_groupe','msp','centre_sante','maison_sante_departementale','pmi','autre'])[1 + g % 7],
        (ARRAY['active','active','active','active','prospect','prospect','suspended','closed'])[1 + (g * 7) % 8],
        g || ' rue de la République', n.postal_code, n.code, lpad((10000000000000 + g * 37)::text, 14, '0'),
        g % 9 = 0, g % 4 = 0, g % 3 <> 0, g % 5 <> 0, (g * 13) % 90,
        'cabinet medical ' || g || ' ' || n.search_name
      FROM departements d
      CROSS JOIN generate_series(1, $1::int) g
      JOIN numbered n ON n.departement_code = d.code AND n.rn = 1 + (g * 7919) % n.n
      WHERE d.code = ANY($2::varchar[])`,
  },
  {
    table: 'site_capacities',
    sql: `INSERT INTO site_capacities (site_id, stage_type, places)
      SELECT s.id, st.stage_type, 1 + (abs(hashtext(s.id::text || st.stage_type)) % 3)
      FROM training_sites s
      CROSS JOIN (VALUES ('N1'), ('SASPAS'), ('SAFE'), ('DJ_MG'), ('EXT_MG')) AS st(stage_type)
      WHERE abs(hashtext(s.id::text || st.stage_type)) % 3 = 0 AND s.departement_code = ANY($2::varchar[])`,
  },
  {
    table: 'professionals',
    param: 'professionals',
    sql: `INSERT INTO professionals (version, departement_code, civility, first_name, last_name, search_text, rpps,
        specialty, practice_mode, first_installation_year, contact_consent, msu_stage, msu_stage_since)
      SELECT 1, d.code, (ARRAY['M','MME','DR'])[1 + g % 3], 'Prénom' || g, 'Nom' || d.code || g,
        'nom' || lower(d.code) || g || ' prenom' || g,
        lpad((10000000000 + (SELECT count(*) FROM professionals) + row_number() OVER ())::text, 11, '0'),
        (ARRAY['Médecine générale','Médecine générale','Médecine générale','Pédiatrie','Gynécologie médicale'])[1 + g % 5],
        (ARRAY['liberal','liberal','salarie','mixte'])[1 + g % 4], 1985 + g % 38, g % 10 <> 0,
        (ARRAY['identified','contacted','interested','in_training','file_submitted','accredited','active','active','active','declined','retired'])[1 + (g * 31) % 11],
        DATE '2022-01-01' + (g % 1400)
      FROM departements d CROSS JOIN generate_series(1, $1::int) g WHERE d.code = ANY($2::varchar[])`,
  },
  {
    table: 'professional_sites',
    sql: `WITH p AS (SELECT id, departement_code, row_number() OVER (PARTITION BY departement_code ORDER BY id) AS rn
                  FROM professionals WHERE departement_code = ANY($2::varchar[])),
           s AS (SELECT id, departement_code, row_number() OVER (PARTITION BY departement_code ORDER BY id) AS rn,
                        count(*) OVER (PARTITION BY departement_code) AS n FROM training_sites WHERE departement_code = ANY($2::varchar[]))
      INSERT INTO professional_sites (professional_id, site_id)
      SELECT p.id, s.id FROM p JOIN s ON s.departement_code = p.departement_code AND s.rn = 1 + p.rn % s.n`,
  },
  {
    table: 'accreditations',
    sql: `INSERT INTO accreditations (version, departement_code, professional_id, cycle, type, stage_types, phases,
        max_students, authority, start_date, end_date, status)
      SELECT 1, p.departement_code, p.id, '3', 'principal', ARRAY['N1','SASPAS']::varchar[], ARRAY['socle']::varchar[], 1 + abs(hashtext(p.id::text)) % 3,
        'ARS — Directeur général', DATE '2021-06-01' + abs(hashtext(p.id::text)) % 1800,
        DATE '2021-06-01' + abs(hashtext(p.id::text)) % 1800 + 1825,
        (ARRAY['granted','granted','granted','granted','conditional','requested','under_review','expired','withdrawn'])[1 + abs(hashtext(p.id::text)) % 9]
      FROM professionals p WHERE p.msu_stage IN ('accredited', 'active', 'file_submitted') AND p.departement_code = ANY($2::varchar[])`,
  },
  {
    table: 'candidate_referrals',
    param: 'professionals',
    sql: `INSERT INTO candidate_referrals (version, departement_code, first_name, last_name, reason, priority, status, referred_by_id, created_at)
      SELECT 1, d.code, 'Candidat' || g, 'Nom' || g, 'Médecin installé, intéressé par l’accueil d’internes.',
        (ARRAY['low','normal','normal','high'])[1 + g % 4],
        (ARRAY['new','assigned','in_progress','converted','declined','not_eligible'])[1 + g % 6],
        u.id, now() - (g || ' days')::interval
      FROM departements d JOIN users u ON u.email = 'cdom.' || lower(d.code) || '@bench.maillage.fr'
      CROSS JOIN generate_series(1, greatest(1, $1::int / 20)) g WHERE d.code = ANY($2::varchar[])`,
  },
  {
    table: 'installation_intents',
    param: 'professionals',
    sql: `INSERT INTO installation_intents (version, departement_code, consent, initials, specialty, horizon, status, reported_by_id)
      SELECT 1, d.code, false, 'A. B.', 'Médecine générale',
        (ARRAY['lt_6_months','6_12_months','1_2_years','gt_2_years'])[1 + g % 4],
        (ARRAY['intention','in_discussion','settled','abandoned'])[1 + g % 4], u.id
      FROM departements d JOIN users u ON u.email = 'cdom.' || lower(d.code) || '@bench.maillage.fr'
      CROSS JOIN generate_series(1, greatest(1, $1::int / 40)) g WHERE d.code = ANY($2::varchar[])`,
  },
];

export async function generateNationalDataset(
  ds: DataSource,
  options: NationalDatasetOptions,
): Promise<NationalDatasetReport> {
  for (const step of STEPS) {
    const value = step.param === 'sites' ? options.sitesPerDepartement : options.professionalsPerDepartement;
    // Steps without a count take the départements as their only parameter.
    if (step.param) await ds.query(step.sql, [value, options.departements]);
    else await ds.query(step.sql.replaceAll('$2', '$1'), [options.departements]);
  }
  await ds.query('ANALYZE');
  return countDataset(ds, { intents: 'installation_intents' });
}
