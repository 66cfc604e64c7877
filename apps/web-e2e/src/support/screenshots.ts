import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from './accounts';

/** Where the capture `name` is written: `apps/web-e2e/screenshots/` (ignored by git). */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}

/** A full-page capture in `apps/web-e2e/screenshots/`, for a human to look at. */
export async function capture(page: Page, name: string, options: { timeout?: number } = {}): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: true, timeout: options.timeout });
}
