import { expect, type Locator, type Page } from '@playwright/test';

/** A suffix no other record has. */
export const stamp = (): string => Date.now().toString(36);

/** `jj/mm/aaaa`, `days` from today in Paris. */
export function frenchDate(days = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

/** `aaaa-mm-jj`, `days` from today in Paris. */
export function isoDate(days = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date);
}

/** The Material form field labelled `label` inside `scope`: where its error is shown. */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.locator(`mat-form-field:has(mat-label:text-is("${label}"))`);
}

/** POSTs `data` as the page's signed-in user and returns the created record. */
export async function create<T = { id: string }>(page: Page, url: string, data: Record<string, unknown>): Promise<T> {
  const response = await page.request.post(url, { data });
  expect(response.status(), `${url} : ${await response.text()}`).toBe(201);
  return (await response.json()) as T;
}
