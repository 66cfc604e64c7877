import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { CommuneSummary, Page } from '@maillage/shared/domain';
import { CommunePicker, COMMUNES_URL } from './commune-picker';

function buildCommune(overrides: Partial<CommuneSummary> = {}): CommuneSummary {
  return {
    code: '77288',
    name: 'Melun',
    departementCode: '77',
    postalCodes: ['77000'],
    population: 45995,
    epci: { siren: '200072130', name: 'CA Melun Val de Seine' },
    zonage: 'ZAC',
    hasContour: true,
    ...overrides,
  };
}

@Component({
  imports: [CommunePicker, ReactiveFormsModule],
  template: `
    <app-commune-picker [(value)]="code" (communeChange)="picked.set($event)" />
    <app-commune-picker label="Commune du terrain" [formControl]="control" [required]="true" />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly code = signal<string | null>(null);
  readonly picked = signal<CommuneSummary | null>(null);
  readonly control = new FormControl<string | null>(null, Validators.required);
}

describe('CommunePicker', () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const inputs = () => [...fixture.nativeElement.querySelectorAll('input')] as HTMLInputElement[];
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function type(input: HTMLInputElement, text: string): Promise<void> {
    input.focus();
    input.dispatchEvent(new Event('focusin'));
    input.value = text;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await pause(300);
    fixture.detectChanges();
  }

  async function answer(request: TestRequest, items: CommuneSummary[]): Promise<void> {
    const body: Page<CommuneSummary> = { items, total: items.length, page: 1, pageSize: 10 };
    request.flush(body);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const options = () => [...document.querySelectorAll('mat-option')] as HTMLElement[];

  it('suggests communes once two characters are typed, and gives the INSEE code of the one picked', async () => {
    const [picker] = inputs();
    await type(picker, 'm');
    http.expectNone((r) => r.url === COMMUNES_URL);

    await type(picker, ' mel ');
    const request = http.expectOne((r) => r.url === COMMUNES_URL);
    expect(request.request.params.toString()).toBe('q=mel&page=1&pageSize=10');
    await answer(request, [
      buildCommune(),
      buildCommune({ code: '77285', name: 'Le Mée-sur-Seine', postalCodes: ['77350'] }),
    ]);

    expect(options().map((o) => o.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Melun, 77000 · INSEE 77288',
      'Le Mée-sur-Seine, 77350 · INSEE 77285',
    ]);
    options()[0].click();
    fixture.detectChanges();

    expect(host.code()).toBe('77288');
    expect(host.picked()?.epci?.name).toBe('CA Melun Val de Seine');
    expect(picker.value).toBe('Melun');

    // Typing again undoes the choice.
    await type(picker, 'Melu');
    expect(host.code()).toBeNull();
    await answer(
      http.expectOne((r) => r.url === COMMUNES_URL),
      [],
    );
    expect(options().map((o) => o.textContent?.trim())).toEqual(['Aucune commune ne correspond.']);
  });

  it('shows by its name a commune given by code (a shared link), and clears it', async () => {
    host.code.set('77288');
    fixture.detectChanges();
    http.expectOne(`${COMMUNES_URL}/77288`).flush(buildCommune());
    await fixture.whenStable();
    expect(inputs()[0].value).toBe('Melun');

    const clear = fixture.nativeElement.querySelector('button[aria-label="Effacer : Commune"]') as HTMLButtonElement;
    clear.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(host.code()).toBeNull();
    expect(inputs()[0].value).toBe('');
  });

  it('works as a form control: value written and read, required error once touched', async () => {
    host.control.setValue('77288');
    fixture.detectChanges();
    http.expectOne(`${COMMUNES_URL}/77288`).flush(buildCommune());
    await fixture.whenStable();
    const field = inputs()[1];
    expect(field.value).toBe('Melun');

    await type(field, 'xy');
    expect(host.control.value).toBeNull();
    await answer(
      http.expectOne((r) => r.url === COMMUNES_URL),
      [],
    );
    field.dispatchEvent(new Event('blur'));
    fixture.detectChanges();
    expect(host.control.touched).toBe(true);
    expect(fixture.nativeElement.textContent).toContain('Choisissez une commune dans la liste.');
  });
});
