import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { DomainException } from '../../common/errors/domain-exception';
import { departementOf, readHeader } from './rpps-header';
import { RppsScanner } from './rpps-scanner';

const HEADER =
  "Identifiant PP|Identification nationale PP|Nom d'exercice|Prénom d'exercice|Code profession|Code savoir-faire|Code commune (coord. structure)|Libellé commune (coord. structure)|";
const line = (rpps: string, commune: string, last = 'MARTIN') =>
  `${rpps}|8${rpps}|${last}|Claire|10|SM54|${commune}|VILLE|`;

async function scan(
  text: string | Buffer,
  departements = ['77'],
  chunk = 7,
): Promise<{ copy: string; scanner: RppsScanner }> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  const scanner = new RppsScanner(departements);
  let copy = '';
  await pipeline(
    Readable.from(chunks),
    scanner,
    new Writable({
      write(data: Buffer, _encoding, done) {
        copy += data.toString();
        done();
      },
    }),
  );
  return { copy, scanner };
}

describe('RPPS extract scanner', () => {
  it('reads columns by header name, whatever the accents, case and apostrophes', () => {
    const { columns, columnCount } = readHeader(`\uFEFF${HEADER.replace("Nom d'exercice", 'NOM D’EXERCICE')}\r`);
    expect(columnCount).toBe(8);
    expect(columns).toMatchObject({ ppId: 0, nationalId: 1, lastName: 2, communeCode: 6, sectorCode: -1 });
  });

  it('refuses a file without the columns it needs, naming them', () => {
    expect(() => readHeader('Nom|Prénom|')).toThrow(DomainException);
    expect(() => readHeader('Nom|Prénom|')).toThrow(/« Identification nationale PP »/);
  });

  it.each([
    ['77288', '77'],
    ['2A004', '2A'],
    ['97411', '974'],
  ])('gives %s to département %s', (commune, departement) => expect(departementOf(commune)).toBe(departement));

  it('keeps the served communes only, across chunk boundaries (even inside a multi-byte character)', async () => {
    const text = [
      HEADER,
      line('10003382735', '77288', 'LEFÈVRE'),
      line('10004123450', '75108'),
      line('10005234561', '77186'),
      '',
    ].join('\n');
    for (const chunk of [1, 2, 3, 7, 64, 100_000]) {
      const { copy, scanner } = await scan(text, ['77'], chunk);
      const rows = copy
        .trim()
        .split('\n')
        .map((r) => r.split('\t'));
      expect(rows.map((r) => [r[0], r[2], r[4], r[16], r[18]])).toEqual([
        ['2', '10003382735', 'LEFÈVRE', '77288', '77'],
        ['4', '10005234561', 'MARTIN', '77186', '77'],
      ]);
      expect(scanner.result()).toMatchObject({ rowsRead: 3, rowsKept: 2, malformedLines: 0, columnCount: 8 });
    }
  });

  it('does not mistake Corse-du-Sud for Haute-Corse, nor 97 for 974', async () => {
    const text = [
      HEADER,
      line('10003382735', '2A004'),
      line('10004123450', '2B033'),
      line('10005234561', '97411'),
      '',
    ].join('\n');
    expect((await scan(text, ['2A'])).scanner.result().rowsKept).toBe(1);
    expect((await scan(text, ['974'])).scanner.result().rowsKept).toBe(1);
  });

  it('reads CRLF files, and a last line without line break when it is complete', async () => {
    const text = [HEADER, line('10003382735', '77288'), line('10005234561', '77186')].join('\r\n');
    const { copy, scanner } = await scan(text);
    expect(scanner.result().rowsKept).toBe(2);
    expect(copy).not.toContain('\r');
  });

  it('reports malformed lines with their number and loads the others', async () => {
    const text = [
      HEADER,
      line('10003382735', '77288'),
      '10004123450|8100|DURAND|',
      line('10005234561', '77186'),
      '',
    ].join('\n');
    const { scanner } = await scan(text);
    expect(scanner.result()).toMatchObject({
      rowsKept: 2,
      malformedLines: 1,
      problems: ['ligne 3 : 3 colonnes au lieu de 8 (ligne ignorée)'],
    });
  });

  it('refuses a file cut in the middle of its last line', async () => {
    const text = [HEADER, line('10003382735', '77288'), line('10005234561', '77186').slice(0, 20)].join('\n');
    await expect(scan(text)).rejects.toThrow(/^Fichier tronqué : sa dernière ligne \(ligne 3\) est incomplète/);
  });

  it('escapes what COPY would read as its own syntax', async () => {
    const text = [HEADER, `10003382735|810003382735|D\\ROIT\tE|Claire|10|SM54|77288|VILLE|`, ''].join('\n');
    const { copy } = await scan(text);
    expect(copy.split('\t')[4]).toBe('D\\\\ROIT\\tE');
  });
});
