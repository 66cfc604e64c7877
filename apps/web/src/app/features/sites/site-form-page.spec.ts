import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { SiteRecord } from '@maillage/shared/domain';
import { SiteFormPage } from './site-form-page';
import { SITE_CONFLICT_MESSAGE, SITES_URL } from './sites-api';

const ID = '5b0f3c1e-8d7a-4c1e-9f59-0c6f1d2a3b4c';

function buildRecord(overrides: Partial<SiteRecord> = {}): SiteRecord {
  return {
    id: ID,
    version: 4,
    departementCode: '77',
    name: 'MSP des Deux Rivières',
    kind: 'msp',
    status: 'active',
    communeCode: '77288',
    communeName: 'Melun',
    epciName: null,
    zonage: null,
    capacities: [{ stageType: 'N1', places: 2 }],
    supervisorCount: 0,
    openAccessIssues: 0,
    updatedAt: '2026-10-14T09:00:00.000Z',
    address: { line1: '3 rue Pasteur', line2: null, postalCode: '77000' },
    latitude: null,
    longitude: null,
    siret: null,
    hosting: {
      housingOnSite: false,
      housingNearby: false,
      publicTransport: true,
      parking: false,
      distanceToChuKm: null,
    },
    notes: null,
    archivedAt: null,
    createdAt: '2024-02-01T09:00:00.000Z',
    professionals: [],
    accreditations: [],
    ...overrides,
  };
}

describe('SiteFormPage (edit)', () => {
  let fixture: ComponentFixture<SiteFormPage>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SiteFormPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNoopAnimations()],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(SiteFormPage);
    fixture.componentRef.setInput('id', ID);
    root = fixture.nativeElement;
    fixture.detectChanges();
    expect(nameInput().disabled).toBe(true);
    http.expectOne(`${SITES_URL}/${ID}`).flush(buildRecord());
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    http.expectOne('/api/communes/77288').flush({ code: '77288', name: 'Melun', postalCodes: ['77000'] });
    await fixture.whenStable();
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function nameInput(): HTMLInputElement {
    return root.querySelector('input[formcontrolname="name"]') as HTMLInputElement;
  }

  async function rename(name: string): Promise<void> {
    nameInput().value = name;
    nameInput().dispatchEvent(new Event('input'));
    fixture.detectChanges();
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    fixture.detectChanges();
  }

  it('fills the form from the site once read, and sends the edit with the version read', async () => {
    expect(nameInput().disabled).toBe(false);
    expect(nameInput().value).toBe('MSP des Deux Rivières');
    await rename('  MSP des Deux Rivières (Nord) ');
    const request = http.expectOne(`${SITES_URL}/${ID}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toMatchObject({
      version: 4,
      name: 'MSP des Deux Rivières (Nord)',
      communeCode: '77288',
      postalCode: '77000',
      siret: null,
      addressLine2: null,
      publicTransport: true,
      capacities: [{ stageType: 'N1', places: 2 }],
    });
    expect(request.request.body).not.toHaveProperty('professionalIds');
    request.flush(buildRecord({ version: 5 }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/terrains', ID]);
  });

  it('on a 409, says the site changed and offers to reload it', async () => {
    await rename('Autre nom');
    http
      .expectOne(`${SITES_URL}/${ID}`)
      .flush({ statusCode: 409, code: 'VERSION_CONFLICT', message: 'x' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(SITE_CONFLICT_MESSAGE);
    expect(root.textContent).toContain('Recharger la fiche');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('shows the API’s 400 messages beside the submit button', async () => {
    await rename('Autre nom');
    http
      .expectOne(`${SITES_URL}/${ID}`)
      .flush(
        { statusCode: 400, message: ['communeCode : la commune 77288 n’est pas dans votre département.'] },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    fixture.detectChanges();
    const errors = root.querySelector('.form-errors');
    expect(errors?.textContent).toContain('n’est pas dans votre département');
    expect(errors?.nextElementSibling?.classList).toContain('form-actions');
  });
});
