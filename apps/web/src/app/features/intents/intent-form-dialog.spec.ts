import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { InstallationIntentView } from '@maillage/shared/domain';
import { provideFrenchDates } from '@maillage/web/ui';
import { IntentFormDialog, type IntentFormDialogData } from './intent-form-dialog';
import { identityPayload, initialsFor } from './intent-identity';
import { INTENTS_URL } from './intents-api';

function buildIntent(overrides: Partial<InstallationIntentView> = {}): InstallationIntentView {
  return {
    id: 'i-1',
    version: 4,
    departementCode: '77',
    consent: true,
    firstName: 'Marie-Claire',
    lastName: 'Dupont',
    initials: 'M.-C. D.',
    specialty: 'Médecine générale',
    faculty: 'Université Paris-Est Créteil',
    targetCommuneCodes: [],
    horizon: '6_12_months',
    status: 'intention',
    supportOffered: null,
    professionalId: null,
    settledOn: null,
    notes: null,
    reportedBy: { id: 'u-cdom', displayName: 'Hélène Garnier' },
    archivedAt: null,
    createdAt: '2026-10-01T08:00:00Z',
    updatedAt: '2026-10-01T08:00:00Z',
    ...overrides,
  };
}

describe('intent identity (GDPR)', () => {
  it.each([
    [
      'with consent: the names, no initials (the API computes them)',
      { consent: true, firstName: ' Marie-Claire ', lastName: 'Dupont ', initials: 'X. Y.' },
      { consent: true, firstName: 'Marie-Claire', lastName: 'Dupont' },
    ],
    [
      'without consent: the initials only, the names are not sent',
      { consent: false, firstName: 'Marie-Claire', lastName: 'Dupont', initials: ' M.-C. D. ' },
      { consent: false, firstName: null, lastName: null, initials: 'M.-C. D.' },
    ],
  ])('%s', (_case, form, expected) => {
    expect(identityPayload(form)).toEqual(expected);
  });

  it('computes the initials of a compound name, nothing without both names', () => {
    expect(initialsFor('Marie-Claire', 'Dupont')).toBe('M.-C. D.');
    expect(initialsFor('Jean', '')).toBe('');
  });
});

describe('IntentFormDialog', () => {
  let fixture: ComponentFixture<IntentFormDialog>;
  let http: HttpTestingController;
  let close: jest.Mock;
  let root: HTMLElement;

  function setUp(intent: InstallationIntentView | null): void {
    close = jest.fn();
    const data: IntentFormDialogData = { intent };
    TestBed.configureTestingModule({
      imports: [IntentFormDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideFrenchDates(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(IntentFormDialog);
    root = fixture.nativeElement;
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  const render = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  };
  const labels = () => [...root.querySelectorAll('mat-label')].map((l) => l.textContent?.trim());
  const field = (label: string) =>
    [...root.querySelectorAll('mat-form-field')]
      .find((f) => f.querySelector('mat-label')?.textContent?.trim() === label)
      ?.querySelector('input, textarea') as HTMLInputElement;

  function type(label: string, text: string): void {
    const input = field(label);
    input.value = text;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  }

  function toggleConsent(): void {
    (root.querySelector('mat-checkbox input') as HTMLInputElement).click();
    fixture.detectChanges();
  }

  function pickHorizon(component: IntentFormDialog): void {
    (
      component as unknown as { form: { controls: { horizon: { setValue(v: string): void } } } }
    ).form.controls.horizon.setValue('1_2_years');
    fixture.detectChanges();
  }

  async function submit(): Promise<TestRequest> {
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await render();
    return http.expectOne((r) => r.url.startsWith(INTENTS_URL));
  }

  it('without consent asks only the initials, explains why, and never sends a name', async () => {
    setUp(null);
    expect(labels()).toContain('Initiales');
    expect(labels()).not.toContain('Prénom');
    expect(labels()).not.toContain('Nom');
    expect(root.textContent).toContain('seules ses initiales sont enregistrées (RGPD)');

    type('Initiales', 'M.-C. D.');
    pickHorizon(fixture.componentInstance);
    const request = await submit();

    expect(request.request.method).toBe('POST');
    expect(request.request.body).toMatchObject({
      consent: false,
      firstName: null,
      lastName: null,
      initials: 'M.-C. D.',
      specialty: 'Médecine générale',
      horizon: '1_2_years',
      status: 'intention',
      targetCommuneCodes: [],
      settledOn: null,
      professionalId: null,
    });
    request.flush(buildIntent({ consent: false, firstName: null, lastName: null }));
    await render();
    expect(close).toHaveBeenCalled();
  });

  it('with consent asks the names and sends them, without initials', async () => {
    setUp(null);
    toggleConsent();
    expect(labels()).toEqual(expect.arrayContaining(['Prénom', 'Nom']));
    expect(labels()).not.toContain('Initiales');

    type('Prénom', 'Marie-Claire');
    type('Nom', 'Dupont');
    expect(root.textContent).toContain('Initiales : M.-C. D.');
    pickHorizon(fixture.componentInstance);
    const request = await submit();

    expect(request.request.body).toMatchObject({ consent: true, firstName: 'Marie-Claire', lastName: 'Dupont' });
    expect(request.request.body).not.toHaveProperty('initials');
    request.flush(buildIntent());
    await render();
  });

  it('refuses invalid initials before sending anything', async () => {
    setUp(null);
    type('Initiales', '12');
    pickHorizon(fixture.componentInstance);
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await render();
    http.expectNone((r) => r.url.startsWith(INTENTS_URL));
    expect(root.textContent).toContain('Lettres, points, tirets et espaces seulement');
  });

  it('when consent is withdrawn on an edit, keeps the initials, drops the names, sends the version', async () => {
    setUp(buildIntent());
    expect(field('Prénom').value).toBe('Marie-Claire');

    toggleConsent();
    expect(labels()).not.toContain('Prénom');
    expect(field('Initiales').value).toBe('M.-C. D.');
    const request = await submit();

    expect(request.request.method).toBe('PATCH');
    expect(request.request.url).toBe(`${INTENTS_URL}/i-1`);
    expect(request.request.body).toMatchObject({
      version: 4,
      consent: false,
      firstName: null,
      lastName: null,
      initials: 'M.-C. D.',
    });
    request.flush(buildIntent({ version: 5, consent: false, firstName: null, lastName: null }));
    await render();
  });

  it('on a stale version, closes with "conflict" for the list to reload', async () => {
    setUp(buildIntent());
    const request = await submit();
    request.flush(
      { statusCode: 409, message: 'Modifié entre-temps.', code: 'VERSION_CONFLICT' },
      { status: 409, statusText: 'Conflict' },
    );
    await render();
    expect(close).toHaveBeenCalledWith('conflict');
  });
});
