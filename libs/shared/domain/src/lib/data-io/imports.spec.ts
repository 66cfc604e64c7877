import { capacityFieldKey, foldHeader, IMPORT_FIELDS, IMPORT_KINDS, suggestMapping } from './imports';

describe('import column mapping', () => {
  it('folds headers: accents, case, punctuation and N°', () => {
    expect(foldHeader('  N° RPPS ')).toBe('n rpps');
    expect(foldHeader('Complément d’adresse')).toBe('complement d adresse');
    expect(foldHeader('PRÉNOM')).toBe('prenom');
  });

  it('maps French headers whatever their accents and case', () => {
    const mapping = suggestMapping(IMPORT_FIELDS.sites, [
      'NOM DU TERRAIN',
      'type',
      'adresse',
      'CP',
      'Code INSEE',
      'ville',
      'Places SASPAS',
      'Colonne inconnue',
    ]);
    expect(mapping).toMatchObject({
      name: 0,
      kind: 1,
      addressLine1: 2,
      postalCode: 3,
      communeCode: 4,
      communeName: 5,
      [capacityFieldKey('SASPAS')]: 6,
      siret: null,
    });
    expect(Object.values(mapping)).not.toContain(7);
  });

  it('gives each column to one field only, labels before synonyms', () => {
    const mapping = suggestMapping(IMPORT_FIELDS.accreditations, ['RPPS', 'Type', 'Terrain']);
    expect(mapping['holderRpps']).toBe(0);
    expect(mapping['type']).toBe(1);
    expect(mapping['holderSite']).toBe(2);
  });

  it('prefers what the user chose last time', () => {
    const headers = ['Nom', 'Raison sociale', 'Type'];
    expect(suggestMapping(IMPORT_FIELDS.sites, headers)['name']).toBe(0);
    expect(suggestMapping(IMPORT_FIELDS.sites, headers, { name: 'raison sociale' })['name']).toBe(1);
    // A remembered header that is not in the file falls back to the synonyms.
    expect(suggestMapping(IMPORT_FIELDS.sites, headers, { name: 'absent' })['name']).toBe(0);
  });

  it('defines unique keys with a French label for every kind', () => {
    for (const kind of IMPORT_KINDS) {
      const keys = IMPORT_FIELDS[kind].map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const f of IMPORT_FIELDS[kind]) expect(f.label).toMatch(/^[A-ZÉN]/);
    }
  });

  it('recognises the headers it exports (labels map to their own field)', () => {
    for (const kind of IMPORT_KINDS) {
      const labels = IMPORT_FIELDS[kind].map((f) => f.label);
      const mapping = suggestMapping(IMPORT_FIELDS[kind], labels);
      IMPORT_FIELDS[kind].forEach((f, i) => expect(mapping[f.key]).toBe(i));
    }
  });
});
