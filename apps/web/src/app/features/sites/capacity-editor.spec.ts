import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { SiteCapacity } from '@maillage/shared/domain';
import { CapacityEditor } from './capacity-editor';

@Component({
  imports: [CapacityEditor, ReactiveFormsModule],
  template: `<app-capacity-editor [formControl]="capacities" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly capacities = new FormControl<SiteCapacity[]>([{ stageType: 'N1', places: 1 }], { nonNullable: true });
}

describe('CapacityEditor', () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideNoopAnimations()] });
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    root = fixture.nativeElement;
    fixture.detectChanges();
    await fixture.whenStable();
  });

  /** The number box of a stage type, found by its visible label like a user would. */
  function field(label: string): HTMLInputElement {
    const formField = [...root.querySelectorAll('mat-form-field')].find(
      (f) => f.querySelector('mat-label')?.textContent?.trim() === label,
    );
    const input = formField?.querySelector('input');
    if (!input) throw new Error(`No field labelled ${label}`);
    return input;
  }

  function type(input: HTMLInputElement, value: string): void {
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    fixture.detectChanges();
  }

  it('shows one labelled row per stage type, filled from the value', () => {
    const labels = [...root.querySelectorAll('mat-label')].map((l) => l.textContent?.trim());
    expect(labels).toEqual([
      'Externat en médecine générale',
      'Niveau 1 (stage praticien)',
      'Santé de la femme et de l’enfant',
      'Stage libre',
      'SASPAS (niveau 2)',
      'Docteur junior de médecine générale',
    ]);
    expect(field('Niveau 1 (stage praticien)').value).toBe('1');
    expect(field('Stage libre').value).toBe('0');
    expect(root.querySelector('legend')?.textContent).toContain('Capacités d’accueil par semestre');
    expect(root.textContent).toContain('Total : 1 place par semestre');
  });

  it('gives the API list: stage types with places, in order', () => {
    type(field('SASPAS (niveau 2)'), '1');
    type(field('Niveau 1 (stage praticien)'), '2');
    expect(host.capacities.value).toEqual([
      { stageType: 'N1', places: 2 },
      { stageType: 'SASPAS', places: 1 },
    ]);
    expect(host.capacities.valid).toBe(true);
    expect(host.capacities.dirty).toBe(true);
    expect(root.textContent).toContain('Total : 3 places par semestre');

    type(field('Niveau 1 (stage praticien)'), '0');
    expect(host.capacities.value).toEqual([{ stageType: 'SASPAS', places: 1 }]);
  });

  it('counts an emptied row as no place', () => {
    type(field('Niveau 1 (stage praticien)'), '');
    expect(host.capacities.value).toEqual([]);
    expect(host.capacities.valid).toBe(true);
  });

  it.each([['51'], ['-1'], ['1.5']])('refuses %p places, with a message', (value) => {
    type(field('Stage libre'), value);
    expect(host.capacities.invalid).toBe(true);
    expect(root.textContent).toContain('De 0 à 50 places (nombre entier).');
  });
});
