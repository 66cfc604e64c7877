import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ChipPicker, type PickedItem, PickerOptions } from './chip-picker';

interface Site {
  id: string;
  name: string;
}

@Component({
  imports: [ChipPicker, PickerOptions],
  template: `
    <ui-chip-picker
      label="Terrains concernés"
      chipsLabel="Terrains choisis"
      searchPlaceholder="Rechercher un terrain"
      emptyLabel="Aucun terrain trouvé."
      [chosen]="chosen()"
      [search]="search"
      (picked)="picked.push($event)"
      (removed)="removed.push($event)"
    >
      <ng-template [uiPickerOptions]="options()" let-site>{{ site.name }} (option)</ng-template>
    </ui-chip-picker>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly chosen = signal<PickedItem[]>([{ id: 's1', label: 'Cabinet de Melun' }]);
  readonly options = signal<Site[]>([{ id: 's2', name: 'Maison de santé de Meaux' }]);
  readonly search = new FormControl<string | Site>('', { nonNullable: true });
  readonly picked: Site[] = [];
  readonly removed: string[] = [];
}

describe('ChipPicker', () => {
  function render() {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  it('shows the chosen items as chips in a named grid, each with its « Retirer » button', () => {
    const { fixture, root } = render();
    expect(root.querySelector('mat-label')?.textContent).toBe('Terrains concernés');
    expect(root.querySelector('mat-chip-grid')?.getAttribute('aria-label')).toBe('Terrains choisis');
    expect(root.querySelector('mat-chip-row')?.textContent).toContain('Cabinet de Melun');
    (root.querySelector('button[aria-label="Retirer Cabinet de Melun"]') as HTMLButtonElement).click();
    expect(fixture.componentInstance.removed).toEqual(['s1']);
  });

  it('offers the matches drawn by the given template, reports the one picked and empties the box', async () => {
    const { fixture, root } = render();
    const input = root.querySelector('input') as HTMLInputElement;
    expect(input.placeholder).toBe('Rechercher un terrain');
    // Only the box has it: a page finds the box by its placeholder.
    expect(root.querySelectorAll('[placeholder]')).toHaveLength(1);
    input.focus();
    input.value = 'Meaux';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    const option = document.querySelector('mat-option') as HTMLElement;
    expect(option.textContent).toContain('Maison de santé de Meaux (option)');
    option.click();
    fixture.detectChanges();
    expect(fixture.componentInstance.picked).toEqual([{ id: 's2', name: 'Maison de santé de Meaux' }]);
    expect(fixture.componentInstance.search.value).toBe('');
  });

  it('says so when nothing matches', async () => {
    const { fixture, root } = render();
    fixture.componentInstance.options.set([]);
    const input = root.querySelector('input') as HTMLInputElement;
    input.focus();
    input.value = 'Provins';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    const option = document.querySelector('mat-option') as HTMLElement;
    expect(option.textContent).toContain('Aucun terrain trouvé.');
    expect(option.getAttribute('aria-disabled')).toBe('true');
  });
});
