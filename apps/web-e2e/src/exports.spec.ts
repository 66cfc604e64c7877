import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { storageStateFor } from './support/accounts';

test.describe('Export des listes, chargée de mission', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('exporte la liste des terrains filtrée en CSV et en XLSX, et ouvre les fichiers', async ({ page }) => {
    await page.goto('/terrains?statut=active');
    const table = page.getByRole('table', { name: 'Terrains de stage' });
    const firstSite = (await table.getByRole('link').first().textContent())?.trim() ?? '';
    expect(firstSite).not.toBe('');
    const count = Number(
      (
        (await page
          .getByRole('status')
          .filter({ hasText: /terrains? trouvés?/ })
          .textContent()) ?? ''
      ).replace(/\D/g, ''),
    );

    await page.getByRole('button', { name: 'Exporter la liste des terrains' }).click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'CSV (Excel, « ; »)' }).click(),
    ]);
    const bytes = readFileSync((await csv.path()) as string);
    // UTF-8 with a byte order mark and « ; », as French Excel opens it; the list's filter applied.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const header = text.split(/\r?\n/)[0];
    expect(header.split(';')).toEqual(expect.arrayContaining(['Nom du terrain', 'Type de structure', 'Code postal']));
    expect(text).toContain(firstSite);
    const statuses = text.match(/;Actif;/g) ?? [];
    expect(statuses.length).toBe(count);
    expect(text).not.toMatch(/;(Prospect|Suspendu|Fermé);/);

    await page.getByRole('button', { name: 'Exporter la liste des terrains' }).click();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Classeur Excel (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = readFileSync((await xlsx.path()) as string);
    expect(book.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
