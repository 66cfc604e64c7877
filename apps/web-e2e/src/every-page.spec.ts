import AxeBuilder from '@axe-core/playwright';
import { hasPermission } from '@maillage/shared/domain';
import { expect, type Page, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';
import { type AppRoute, appRoutes } from './support/app-routes';
import { capture, screenshotPath } from './support/screenshots';

// Every page of the app — read from the route table, so a new page is walked without editing this
// file — at desktop and phone sizes: axe-core finds no critical or serious violation, and on the
// phone the document is no wider than the screen. A detail page opens the first record its list
// links to (demo data). The mission officer opens every page her role allows; the others
// (Utilisateurs) are opened by an administrator.

const VIEWPORTS = [
  { name: 'bureau', width: 1366, height: 900 },
  { name: 'telephone', width: 390, height: 844 },
] as const;

/**
 * Parts of pages another piece of work is making accessible (issue 10, « kanban & calendar
 * accessibility », branch web10a): the professionals' pipeline board (`?vue=parcours`; the issue
 * found 2 critical `aria-required-children` there). Remove it once that work is merged and the
 * page passes without it. (The visits calendar passes axe here and is not excluded.)
 */
const EXCLUDED_ELSEWHERE: readonly string[] = ['app-msu-kanban'];

/** What Material and ECharts say to screen readers when nobody translated them. */
const ENGLISH = /This is a chart|Open calendar|Items per page|Next page|Previous page|Choose month|Close calendar/;

/** Second views of a page (not routes of their own): each is walked like a page. */
const VIEWS: readonly string[] = ['/professionnels?vue=parcours', '/visites?vue=liste'];

/** The routes, plus each view of a routed page (with that page's permission). */
function pages(): AppRoute[] {
  const routes = appRoutes();
  const views = VIEWS.map((view) => {
    const base = routes.find((route) => route.pattern === view.split('?')[0]);
    if (!base) throw new Error(`Vue ${view} : pas de page ${view.split('?')[0]} dans la table des routes`);
    return { ...base, pattern: view };
  });
  return [...routes, ...views];
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Opens the page and waits until it has drawn its heading and finished loading its data. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(
    page.locator('mat-progress-bar[mode="indeterminate"], mat-spinner, mat-progress-spinner').filter({ visible: true }),
  ).toHaveCount(0);
  // Let animations (progress, expansion panels, ripples) end before axe reads the colours.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
      timeout: 5_000,
    })
    .catch(() => undefined);
}

/**
 * Lists the demo data leaves empty (an import exists only once someone imported a file): one
 * record is made through the API, as the signed-in user, so that its page is walked too.
 */
async function ensureRecord(page: Page, list: string): Promise<string | null> {
  if (list !== '/imports') return null;
  const origin = new URL(page.url()).origin;
  const res = await page.request.post('/api/imports?kind=sites&fileName=tour-des-pages.csv', {
    headers: { 'Content-Type': 'text/csv', Origin: origin },
    data: 'Nom du terrain;Commune\nCabinet du tour des pages;Melun\n',
  });
  expect(res.status(), 'import créé pour visiter sa page').toBeLessThan(300);
  return ((await res.json()) as { id: string }).id;
}

/** The address of `route`: `:id` becomes the first record the area's list links to. */
async function resolve(page: Page, route: AppRoute): Promise<string> {
  if (!route.pattern.includes(':id')) return route.pattern;
  const list = route.pattern.slice(0, route.pattern.indexOf('/:id'));
  await open(page, list);
  const link = page.locator(`main a[href^="${list}/"]`);
  const hrefs = await link.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  const id =
    hrefs.map((href) => new RegExp(`^${list}/(${UUID})`).exec(href)?.[1]).find(Boolean) ??
    (await ensureRecord(page, list));
  expect(id, `un lien vers une fiche depuis ${list}`).toBeTruthy();
  return route.pattern.replace(':id', id ?? '');
}

function slug(url: string): string {
  return (
    url
      .replace(/[0-9a-f-]{36}/g, 'id')
      .replace(/^\//, '')
      .replace(/[/?=]/g, '-') || 'accueil'
  );
}

for (const viewport of VIEWPORTS) {
  for (const role of ['mission_officer', 'admin'] as const) {
    const routes = pages().filter(
      (route) => hasPermission('mission_officer', route.permission) === (role === 'mission_officer'),
    );
    test.describe(`${viewport.name} ${viewport.width}×${viewport.height}, ${role}`, () => {
      // A detail page first opens its list; axe reads the whole page.
      test.describe.configure({ timeout: 60_000 });
      test.use({ storageState: storageStateFor(role), viewport: { width: viewport.width, height: viewport.height } });

      for (const route of routes) {
        test(`${route.pattern} : aucune violation critique ou grave, pas plus large que l’écran`, async ({ page }) => {
          const url = await resolve(page, route);
          await open(page, url);
          await expect(page.getByRole('heading', { name: /Accès refusé|Page introuvable/ })).toHaveCount(0);

          const axe = new AxeBuilder({ page });
          for (const selector of EXCLUDED_ELSEWHERE) axe.exclude(selector);
          const { violations } = await axe.analyze();
          const blocking = violations
            .filter((v) => v.impact === 'critical' || v.impact === 'serious')
            .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
          await capture(page, `page-${viewport.name}-${slug(url)}`, { timeout: 15_000 }).catch(() =>
            // A map drawn without GPU can be too slow for a full-page capture: the screen then.
            page.screenshot({ path: screenshotPath(`page-${viewport.name}-${slug(url)}`) }),
          );
          expect.soft(blocking, `violations sur ${url}`).toEqual([]);

          const spoken = await page
            .locator('[aria-label], [title]')
            .evaluateAll((nodes) =>
              nodes.map((n) => `${n.getAttribute('aria-label') ?? ''} ${n.getAttribute('title') ?? ''}`),
            );
          expect
            .soft(
              spoken.filter((text) => ENGLISH.test(text)),
              `libellés anglais sur ${url}`,
            )
            .toEqual([]);

          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect.soft(width, `largeur du document sur ${url}`).toBeLessThanOrEqual(viewport.width);
        });
      }
    });
  }
}
