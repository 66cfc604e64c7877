import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { WEB_APP } from '../support/app-routes';
import { BEING_BUILT, FORMS, type TestRef } from './registry';

// No browser here: the registry of forms against the app's sources and the suite's tests.

const SPECS = join(__dirname, '..');

/** Component files under `dir` (specs and tests left out). */
function components(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return components(path);
    return /\.ts$/.test(entry.name) && !/\.spec\.ts$|testing/.test(entry.name) ? [path] : [];
  });
}

/** A component with a form (`<form`, `uiDialogForm`) or opened as a dialog (`MAT_DIALOG_DATA`, `MatDialogRef`). */
function isFormOrDialog(file: string): boolean {
  const source = readFileSync(file, 'utf8');
  if (!source.includes('@Component(')) return false;
  const templateUrl = /templateUrl: '([^']+)'/.exec(source)?.[1];
  const template = templateUrl ? readFileSync(join(file, '..', templateUrl), 'utf8') : source;
  return /<form[\s>]|uiDialogForm/.test(template) || /\b(MAT_DIALOG_DATA|MatDialogRef)\b/.test(source);
}

function testExists(ref: TestRef): boolean {
  const path = join(SPECS, ref.spec);
  if (!existsSync(path)) return false;
  const source = readFileSync(path, 'utf8');
  return [`'${ref.title}'`, `"${ref.title}"`, `\`${ref.title}\``].some((quoted) => source.includes(quoted));
}

test.describe('registre des formulaires', () => {
  const found = components(WEB_APP)
    .filter(isFormOrDialog)
    .map((file) => relative(WEB_APP, file));

  test('le scan trouve les formulaires de l’application', () => {
    expect(found.length).toBeGreaterThanOrEqual(20);
  });

  test('chaque formulaire ou dialogue de l’application est dans le registre', () => {
    const listed = new Set(FORMS.map((form) => form.file));
    expect(
      found.filter((file) => !listed.has(file)),
      'à ajouter à src/forms/registry.ts',
    ).toEqual([]);
  });

  test('chaque entrée du registre désigne un composant qui existe', () => {
    expect(FORMS.filter((form) => !found.includes(form.file)).map((form) => form.file)).toEqual([]);
  });

  test('chaque test cité existe sous ce titre exact', () => {
    const refs = FORMS.flatMap((form) => [form.saves, form.refuses, form.opens]).filter(
      (ref): ref is TestRef => ref !== undefined,
    );
    expect(refs.filter((ref) => !testExists(ref)).map((ref) => `${ref.spec} › ${ref.title}`)).toEqual([]);
  });

  test('chaque formulaire a ses deux tests, ou dit pourquoi il lui en manque', () => {
    const incomplete = FORMS.filter((form) => !form.opens && !(form.saves && form.refuses) && !form.pending);
    expect(incomplete.map((form) => form.name)).toEqual([]);

    const pending = FORMS.filter((form) => form.pending).map((form) => `${form.name} — ${form.pending}`);
    for (const line of [...pending, ...BEING_BUILT.map((form) => `${form} — en cours`)]) {
      test.info().annotations.push({ type: 'en attente', description: line });
    }
  });
});
