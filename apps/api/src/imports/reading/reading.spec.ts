import iconv from 'iconv-lite';

import { DomainException } from '../../common/errors/domain-exception';
import { sniffType } from '../../common/upload/file-type';
import { detectDelimiter, toRow } from './csv-table';
import { detectEncoding } from './encoding';
import { cleanCell, cleanHeaders } from './table';

describe('reading spreadsheets', () => {
  it.each([
    ['UTF-8 with BOM', Buffer.from('\uFEFFNom;Prénom\n', 'utf8'), 'utf-8'],
    ['UTF-8 without BOM', Buffer.from('Nom;Prénom;Côte-d’Or\n', 'utf8'), 'utf-8'],
    ['plain ASCII', Buffer.from('Nom;Type\nA;B\n'), 'utf-8'],
    ['Windows-1252', iconv.encode('Nom;Prénom;Référence\nÉlodie;Lefèvre;Œuvre\n', 'win1252'), 'windows-1252'],
    ['UTF-16 with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Nom;Type\n', 'utf16le')]), 'utf-16le'],
    ['UTF-16 without BOM', Buffer.from('Nom;Type\nAlmont;MSP\n', 'utf16le'), 'utf-16le'],
  ])('detects %s', (_, sample, encoding) => expect(detectEncoding(sample)).toBe(encoding));

  it('does not cut a UTF-8 sample in the middle of a character into a false Windows-1252', () => {
    const text = Buffer.from(`${'a'.repeat(10)}é`, 'utf8');
    expect(detectEncoding(text.subarray(0, text.length - 1))).toBe('utf-8');
  });

  it('refuses a file that mixes UTF-8 and Windows-1252', () => {
    const mixed = Buffer.concat([
      Buffer.from('Maison de santé;', 'utf8'),
      iconv.encode('Cabinet médical\n', 'win1252'),
    ]);
    expect(() => detectEncoding(mixed)).toThrow(DomainException);
  });

  it.each([
    ['Nom;Type;Adresse', ';'],
    ['Nom,Type,Adresse', ','],
    ['Nom\tType\tAdresse', '\t'],
    ['"Nom, prénom";Type', ';'],
    ['Nom', ','],
  ])('finds the delimiter of %j', (header, delimiter) => expect(detectDelimiter(header)).toBe(delimiter));

  it('checks the width of a row, tolerating empty trailing cells', () => {
    expect(toRow(2, ['a', 'b', ''], 2)).toEqual({ line: 2, cells: ['a', 'b'] });
    expect(toRow(3, ['a'], 2)).toEqual({
      line: 3,
      cells: ['a', ''],
      problem: '1 colonne au lieu de 2 (ligne mal formée)',
    });
    expect(toRow(4, ['a', 'b', 'c'], 2).problem).toBe('3 colonnes au lieu de 2 (ligne mal formée)');
  });

  it('cleans cells: control characters and NUL removed and reported, line breaks kept', () => {
    expect(cleanCell(' a\r\nb ')).toEqual({ text: 'a\nb' });
    expect(cleanCell('x\u0000y')).toEqual({ text: 'xy', problem: 'caractère de contrôle invalide (supprimé)' });
    expect(cleanCell('Caf\uFFFD').problem).toMatch(/caractères illisibles/);
    expect(cleanHeaders(['Nom', '', 'Nom', ' Type '])).toEqual(['Nom', 'Colonne 2', 'Nom (2)', 'Type']);
  });

  it.each([
    [[0x50, 0x4b, 0x03, 0x04], 'zip'],
    [[0xd0, 0xcf, 0x11, 0xe0], 'xls'],
    [[0x25, 0x50, 0x44, 0x46], 'pdf'],
    [[0x89, 0x50, 0x4e, 0x47], 'image'],
    [[0x4e, 0x6f, 0x6d, 0x3b], 'text'],
    [[0x4e, 0x00, 0x7f, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00], 'binary'],
  ])('tells a file by its first bytes (%j → %s)', (bytes, type) => expect(sniffType(Buffer.from(bytes))).toBe(type));
});
