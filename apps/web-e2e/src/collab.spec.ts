import { type Browser, expect, type Page, test } from '@playwright/test';
import { ReferralFormPage, ReferralsPage } from './pages/referrals.page';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type RoleKey } from './support/accounts';
import { capture } from './support/screenshots';

/** Signs a fresh context in through the API (see registry-people.spec.ts for why not the saved sessions). */
async function pageAs(browser: Browser, role: RoleKey, width = 1366): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const response = await page.request.post('/api/auth/login', {
    data: { email: DEMO_ACCOUNTS[role].email, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
  return page;
}

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications, / });

/** A tiny but real PDF (« signed decision »). */
function signedPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

test.describe('Travailler ensemble', () => {
  test('le CDOM signale un candidat : la cloche de la chargée de mission monte, elle ouvre la notification', async ({
    browser,
  }) => {
    const officer = await pageAs(browser, 'mission_officer');
    await officer.goto('/');
    const before = (await (await officer.request.get('/api/notifications/unread-count')).json()).unread as number;
    await expect(bell(officer)).toHaveAccessibleName(
      before === 0 ? 'Notifications, aucune non lue' : new RegExp(`^Notifications, ${before} non lue`),
    );

    const lastName = `Cloche${Date.now().toString(36).toUpperCase()}`;
    const cdom = await pageAs(browser, 'cdom');
    const referrals = new ReferralsPage(cdom);
    await referrals.goto();
    await referrals.referButton.click();
    const form = new ReferralFormPage(cdom);
    await form.expectLoaded();
    await form.fillNewPerson({
      firstName: 'Léa',
      lastName,
      specialty: 'Médecine générale',
      communeSearch: 'melun',
      communeOption: /^Melun,/,
      reason: 'Installée en MSP, souhaite accueillir des internes.',
      priority: 'Haute',
    });
    await form.submit();
    await expect(cdom.getByText('Signalement envoyé')).toBeVisible();

    await officer.reload();
    await expect(bell(officer)).toHaveAccessibleName(new RegExp(`^Notifications, ${before + 1} non lue`));
    await capture(officer, 'collab-cloche');
    await bell(officer).click();
    await officer.getByRole('menuitem', { name: new RegExp(lastName) }).click();
    await expect(officer).toHaveURL(/\/signalements\/[0-9a-f-]{36}$/);
    await expect(officer.getByRole('heading', { level: 1, name: new RegExp(lastName) })).toBeVisible();
    await expect(bell(officer)).toHaveAccessibleName(
      before === 0 ? 'Notifications, aucune non lue' : new RegExp(`^Notifications, ${before} non lue`),
    );
    await cdom.context().close();
    await officer.context().close();
  });

  test('ses choix d’e-mails sont enregistrés et relus après rechargement', async ({ browser }) => {
    const officer = await pageAs(browser, 'mission_officer');
    await officer.goto('/notifications');
    await expect(officer.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    const digest = officer.getByRole('checkbox', { name: /Récapitulatif de la semaine/ });
    const wanted = !(await digest.isChecked());
    await digest.setChecked(wanted);
    await officer.getByRole('combobox', { name: 'Jour du récapitulatif' }).click();
    await officer.getByRole('option', { name: 'vendredi' }).click();
    await officer.getByRole('combobox', { name: /^Heure/ }).click();
    await officer.getByRole('option', { name: '17 h' }).click();
    await officer.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await expect(officer.getByText('Vos choix sont enregistrés.')).toBeVisible();
    await officer.reload();
    await expect(officer.getByRole('checkbox', { name: /Récapitulatif de la semaine/ })).toBeChecked({
      checked: wanted,
    });
    await expect(officer.getByRole('combobox', { name: 'Jour du récapitulatif' })).toContainText('vendredi');
    await expect(officer.getByRole('combobox', { name: /^Heure/ })).toContainText('17 h');
    await capture(officer, 'collab-preferences');
    await officer.context().close();
  });

  test('elle joint une décision signée à un agrément et la télécharge ; le comité ne le peut pas', async ({
    browser,
  }) => {
    const officer = await pageAs(browser, 'mission_officer');
    await officer.goto('/agrements');
    const table = officer.getByRole('table', { name: 'Agréments' });
    await table
      .getByRole('button', { name: /^Actions pour l’agrément de / })
      .first()
      .click();
    await officer.getByRole('menuitem', { name: 'Documents' }).click();
    const dialog = officer.getByRole('dialog');
    const fileName = `Décision signée ${Date.now()}.pdf`;
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: signedPdf() });
    await expect(officer.getByText('Document joint.')).toBeVisible();
    const link = dialog.getByRole('link', { name: fileName });
    await expect(link).toBeVisible();
    await capture(officer, 'collab-documents-agrement');
    const [download] = await Promise.all([officer.waitForEvent('download'), link.click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    const href = (await link.getAttribute('href')) as string;

    // Reopened after a reload, the document is still there.
    await officer.reload();
    await table
      .getByRole('button', { name: /^Actions pour l’agrément de / })
      .first()
      .click();
    await officer.getByRole('menuitem', { name: 'Documents' }).click();
    await expect(officer.getByRole('dialog').getByRole('link', { name: fileName })).toBeVisible();

    const committee = await pageAs(browser, 'committee');
    expect((await committee.request.get(href)).status()).toBe(403);
    await committee.goto('/agrements');
    await expect(committee.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
    await committee.context().close();
    await officer.context().close();
  });

  test('elle trouve un médecin avec la recherche (raccourci /), sans accents', async ({ browser }) => {
    const officer = await pageAs(browser, 'mission_officer');
    const page1 = await (await officer.request.get('/api/professionals?pageSize=1&sort=lastName:asc')).json();
    const doctor = page1.items[0] as { id: string; lastName: string };
    const plain = doctor.lastName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    await officer.goto('/');
    const box = officer.getByRole('combobox', { name: 'Rechercher (raccourci : /)' });
    await expect(box).toBeVisible();
    await officer.locator('main').click({ position: { x: 5, y: 5 } });
    await officer.keyboard.press('/');
    await expect(box).toBeFocused();
    await box.pressSequentially(plain, { delay: 30 });
    await expect(officer.getByRole('group', { name: 'Professionnels' })).toBeVisible();
    await capture(officer, 'collab-recherche');
    await officer.keyboard.press('Enter');
    await expect(officer).toHaveURL(/\/professionnels\/[0-9a-f-]{36}$/);
    await officer.context().close();
  });

  test('elle fait passer trois MSU à l’étape suivante en une action', async ({ browser }) => {
    const officer = await pageAs(browser, 'mission_officer');
    await officer.goto('/professionnels?etapes=interested');
    const table = officer.getByRole('table', { name: 'Professionnels' });
    const boxes = table.getByRole('checkbox', { name: /^Sélectionner (?!toutes)/ });
    await expect(boxes.nth(2)).toBeVisible();
    const names: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      names.push(((await boxes.nth(i).getAttribute('aria-label')) ?? '').replace(/^Sélectionner /, ''));
      await boxes.nth(i).check();
    }
    await expect(officer.getByText('3 professionnels sélectionnés')).toBeVisible();
    await officer.getByRole('button', { name: 'Changer d’étape' }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Nouvelle étape' }).click();
    await officer.getByRole('option', { name: 'En formation MSU' }).click();
    await dialog.getByRole('button', { name: 'Déplacer 3 professionnels' }).click();
    const result = officer.getByRole('dialog').filter({ hasText: 'résultat' });
    await expect(result).toContainText('3 faits sur 3');
    await capture(officer, 'collab-action-groupee');
    await result.getByRole('button', { name: 'Fermer' }).click();
    await officer.goto('/professionnels?etapes=in_training');
    for (const name of names) await expect(table.getByRole('link', { name })).toBeVisible();
    await officer.context().close();
  });

  test('à 390 px, l’en-tête (recherche, cloche) tient sans défilement horizontal', async ({ browser }) => {
    const officer = await pageAs(browser, 'mission_officer', 390);
    for (const url of ['/', '/notifications', '/professionnels']) {
      await officer.goto(url);
      await expect(bell(officer)).toBeVisible();
      const overflow = await officer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await capture(officer, 'collab-390');
    await officer.context().close();
  });
});
