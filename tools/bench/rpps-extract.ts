/**
 * A synthetic national RPPS extract of the real format: `PS_LibreAcces_Personne_activite_*.txt`,
 * UTF-8, `|`-separated with a trailing `|`, the 56-column header of current extracts, one row per
 * activity (a practitioner repeats), practices spread over the communes of France by population.
 * Values are invented but shaped like the real ones (identifiers, labels, addresses, phones).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

import { seededRandom } from '../../apps/api/src/demo/seeded-random';

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  codesPostaux?: string[];
  population?: number;
}

export const HEADER_56 = [
  "Type d'identifiant PP",
  'Identifiant PP',
  'Identification nationale PP',
  "Code civilité d'exercice",
  "Libellé civilité d'exercice",
  'Code civilité',
  'Libellé civilité',
  "Nom d'exercice",
  "Prénom d'exercice",
  'Code profession',
  'Libellé profession',
  'Code catégorie professionnelle',
  'Libellé catégorie professionnelle',
  'Code type savoir-faire',
  'Libellé type savoir-faire',
  'Code savoir-faire',
  'Libellé savoir-faire',
  'Code mode exercice',
  'Libellé mode exercice',
  'Numéro SIRET site',
  'Numéro SIREN site',
  'Numéro FINESS site',
  'Numéro FINESS établissement juridique',
  'Identifiant technique de la structure',
  'Raison sociale site',
  'Enseigne commerciale site',
  'Complément destinataire (coord. structure)',
  'Complément point géographique (coord. structure)',
  'Numéro Voie (coord. structure)',
  'Indice répétition voie (coord. structure)',
  'Code type de voie (coord. structure)',
  'Libellé type de voie (coord. structure)',
  'Libellé Voie (coord. structure)',
  'Mention distribution (coord. structure)',
  'Bureau cedex (coord. structure)',
  'Code postal (coord. structure)',
  'Code commune (coord. structure)',
  'Libellé commune (coord. structure)',
  'Code pays (coord. structure)',
  'Libellé pays (coord. structure)',
  'Téléphone (coord. structure)',
  'Téléphone 2 (coord. structure)',
  'Télécopie (coord. structure)',
  'Adresse e-mail (coord. structure)',
  'Code département (coord. structure)',
  'Libellé département (coord. structure)',
  'Ancien identifiant de la structure',
  "Autorité d'enregistrement",
  "Code secteur d'activité",
  "Libellé secteur d'activité",
  'Code section tableau pharmaciens',
  'Libellé section tableau pharmaciens',
  'Code fonction',
  'Libellé fonction',
  "Code genre d'activité",
  "Libellé genre d'activité",
];

/** Professions with their share of activity rows, roughly as in the national extract. */
const PROFESSIONS: [string, string, number][] = [
  ['10', 'Médecin', 0.33],
  ['60', 'Infirmier', 0.3],
  ['21', 'Pharmacien', 0.13],
  ['70', 'Masseur-Kinésithérapeute', 0.1],
  ['40', 'Chirurgien-Dentiste', 0.07],
  ['50', 'Sage-Femme', 0.04],
  ['91', 'Orthophoniste', 0.03],
];
const MEDICAL_SPECIALTIES: [string, string][] = [
  ['SM54', 'Médecine Générale'],
  ['SM53', 'Médecine générale'],
  ['SM54', 'Médecine Générale'],
  ['SM04', 'Cardiologie et maladies vasculaires'],
  ['SM02', 'Anesthésie-réanimation'],
  ['SM26', 'Pédiatrie'],
  ['SM42', 'Psychiatrie'],
  ['SM15', 'Gynécologie-obstétrique'],
  ['SM40', 'Radio-diagnostic'],
];
const SECTORS: [string, string][] = [
  ['SA07', 'Cabinet individuel'],
  ['SA08', 'Cabinet de groupe'],
  ['SA05', 'Centre de santé'],
  ['SA01', 'Etablissement public de santé'],
  ['SA09', 'Exercice en société'],
  ['SA25', 'Laboratoire de biologie médicale'],
];
const LAST = [
  'MARTIN',
  'BERNARD',
  'THOMAS',
  'PETIT',
  'ROBERT',
  'RICHARD',
  'DURAND',
  'DUBOIS',
  'MOREAU',
  'LAURENT',
  'SIMON',
  'MICHEL',
  'LEFÈVRE',
  'LEROY',
  'ROUX',
  'DAVID',
  'BERTRAND',
  'MOREL',
  'FOURNIER',
  'GIRARD',
  'BONNET',
  'DUPONT',
  'LAMBERT',
  'FONTAINE',
  'ROUSSEAU',
  'VINCENT',
  'MÜLLER',
  'NGUYEN',
  'FAURE',
  'ANDRÉ',
  'MERCIER',
  'BLANC',
  'GUÉRIN',
  'BOYER',
  'GARNIER',
  'CHEVALIER',
  'FRANÇOIS',
  'LEGRAND',
  'GAUTHIER',
  'GARCIA',
];
const FIRST = [
  'Marie',
  'Jean',
  'Claire',
  'Pierre',
  'Sophie',
  'Nicolas',
  'Isabelle',
  'Thomas',
  'Camille',
  'Julien',
  'Hélène',
  'Mathieu',
  'Élodie',
  'François',
  'Anaïs',
  'Jérôme',
  'Céline',
  'Benoît',
  'Inès',
  'Loïc',
];
const STREET_TYPES = [
  ['R', 'Rue'],
  ['AV', 'Avenue'],
  ['BD', 'Boulevard'],
  ['PL', 'Place'],
  ['CHE', 'Chemin'],
  ['ALL', 'Allée'],
];
const STREETS = [
  'DE LA REPUBLIQUE',
  'DU GENERAL DE GAULLE',
  'VICTOR HUGO',
  'JEAN JAURES',
  'DE LA GARE',
  'PASTEUR',
  'DES ECOLES',
  "DE L'EGLISE",
  'DU MARECHAL FOCH',
  'GAMBETTA',
  'DU CHATEAU',
  'DES TILLEULS',
];

function digits(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 10);
  return s;
}

export interface ExtractReport {
  rows: number;
  bytes: number;
  /** Rows whose place of practice is in each of these départements. */
  rowsIn: Record<string, number>;
}

/** Writes `rows` activity rows to `path`; `count` lists départements whose rows are counted. */
export async function generateRppsExtract(
  path: string,
  rows: number,
  count: string[] = ['77'],
  seed = 77,
): Promise<ExtractReport> {
  const communes = (require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[]).filter(
    (c) => c.type === 'commune-actuelle' && (c.population ?? 0) > 0,
  );
  const departements = new Map<string, string>(
    (require('@etalab/decoupage-administratif/data/departements.json') as { code: string; nom: string }[]).map((d) => [
      d.code,
      d.nom,
    ]),
  );
  const cumulative: number[] = [];
  let total = 0;
  for (const c of communes) cumulative.push((total += c.population ?? 0));
  const pick = (r: number) => {
    const target = r * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return communes[lo];
  };
  const rand = seededRandom(seed);
  const out = createWriteStream(path, { highWaterMark: 4 * 1024 * 1024 });
  const rowsIn: Record<string, number> = Object.fromEntries(count.map((d) => [d, 0]));
  let bytes = 0;
  let buffer: string[] = [`${HEADER_56.join('|')}|`];
  let person = 0;
  let places = 0;
  let id = '';
  let identity: string[] = [];
  for (let n = 0; n < rows; n++) {
    if (places === 0) {
      person++;
      places = rand() < 0.7 ? 1 : rand() < 0.8 ? 2 : 3;
      id = `1${String(person).padStart(9, '0')}${Math.floor(rand() * 10)}`;
      const r = rand();
      let acc = 0;
      const profession = PROFESSIONS.find((p) => (acc += p[2]) >= r) ?? PROFESSIONS[0];
      const specialty =
        profession[0] === '10' ? MEDICAL_SPECIALTIES[Math.floor(rand() * MEDICAL_SPECIALTIES.length)] : null;
      const female = rand() < 0.55;
      identity = [
        '8',
        id,
        `8${id}`,
        profession[0] === '10' ? 'DR' : female ? 'MME' : 'M',
        profession[0] === '10' ? 'Docteur' : female ? 'Madame' : 'Monsieur',
        female ? 'MME' : 'M',
        female ? 'Madame' : 'Monsieur',
        LAST[Math.floor(rand() * LAST.length)],
        FIRST[Math.floor(rand() * FIRST.length)],
        profession[0],
        profession[1],
        'C',
        'Civil',
        specialty ? 'S' : '',
        specialty ? 'Spécialité ordinale' : '',
        specialty?.[0] ?? '',
        specialty?.[1] ?? '',
      ];
    }
    places--;
    const withAddress = rand() < 0.86;
    const commune = pick(rand());
    const sector = SECTORS[Math.floor(rand() * SECTORS.length)];
    const liberal = sector[0] === 'SA07' || sector[0] === 'SA08' || (sector[0] === 'SA09' && rand() < 0.8);
    const siren = digits(rand, 9);
    const street = STREET_TYPES[Math.floor(rand() * STREET_TYPES.length)];
    const cells = [
      liberal ? 'L' : 'S',
      liberal ? 'Libéral' : 'Salarié',
      `${siren}${digits(rand, 5)}`,
      siren,
      sector[0] === 'SA01' ? digits(rand, 9) : '',
      sector[0] === 'SA01' ? digits(rand, 9) : '',
      `R10${digits(rand, 11)}`,
      sector[0] === 'SA07' ? `CABINET DU DR ${identity[7]}` : `${sector[1].toUpperCase()} ${commune.nom.toUpperCase()}`,
      '',
      '',
      rand() < 0.1 ? 'BATIMENT B' : '',
      String(1 + Math.floor(rand() * 120)),
      rand() < 0.05 ? 'B' : '',
      street[0],
      street[1],
      STREETS[Math.floor(rand() * STREETS.length)],
      '',
      '',
      commune.codesPostaux?.[0] ?? '',
      commune.code,
      commune.nom.toUpperCase(),
      '99000',
      'France',
      `0${1 + Math.floor(rand() * 5)}${digits(rand, 8)}`,
      '',
      '',
      rand() < 0.1 ? `contact.${identity[7].toLowerCase()}@exemple.fr` : '',
      commune.departement,
      departements.get(commune.departement) ?? '',
      '',
      'CNOM/CNOM/CNOM',
      sector[0],
      sector[1],
      identity[9] === '21' ? 'A' : '',
      identity[9] === '21' ? 'Section A' : '',
      'FON-01',
      'Titulaire',
      'GENR01',
      'Activité standard',
    ];
    // A practitioner without a place of practice: only the mode, the authority and the function.
    if (!withAddress) for (let i = 2; i < 35; i++) if (i !== 30) cells[i] = '';
    if (withAddress && commune.departement in rowsIn) rowsIn[commune.departement]++;
    const line = `${identity.join('|')}|${cells.join('|')}|`;
    buffer.push(line);
    if (buffer.length >= 20_000) {
      const text = `${buffer.join('\n')}\n`;
      bytes += Buffer.byteLength(text);
      if (!out.write(text)) await once(out, 'drain');
      buffer = [];
    }
  }
  const text = buffer.length > 0 ? `${buffer.join('\n')}\n` : '';
  bytes += Buffer.byteLength(text);
  out.end(text);
  await once(out, 'finish');
  return { rows, bytes, rowsIn };
}
