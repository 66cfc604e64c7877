import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { BulkResource, BulkResult, Role } from '@maillage/shared/domain';
import { provideFrenchDates } from '@maillage/web/ui';
import { provideRole, RowSelection } from '@maillage/web/util';
import { BulkActions } from './bulk-actions';

@Component({
  imports: [BulkActions],
  template: `<app-bulk-actions
    [resource]="resource()"
    [selection]="selection"
    [total]="42"
    [filters]="{ page: 2, pageSize: 25, sort: 'name:asc', status: 'open' }"
    [words]="{ item: 'tâche', items: 'tâches', feminine: true }"
    (changed)="changed.push($event)"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly resource = signal<BulkResource>('tasks');
  readonly selection = new RowSelection();
  readonly changed: BulkResult[] = [];
}

const RESULT: BulkResult = {
  action: 'complete',
  selected: 2,
  done: [{ id: 't-1', label: 'Relancer la mairie' }],
  refused: [{ id: 't-2', label: 'Préparer la visite', reason: 'Cette tâche n’est plus ouverte : rouvrez-la d’abord.' }],
};

describe('BulkActions', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;
  let root: HTMLElement;

  function render(role: Role, resource: BulkResource = 'tasks'): void {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideFrenchDates(),
        provideRole(role),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.resource.set(resource);
    root = fixture.nativeElement;
    fixture.detectChanges();
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  const buttons = () => [...root.querySelectorAll('button')].map((b) => b.textContent?.trim());
  const select = (...ids: string[]) => {
    for (const id of ids) fixture.componentInstance.selection.toggle(id, true);
    fixture.detectChanges();
  };
  const press = (text: string, scope: ParentNode = root) =>
    ([...scope.querySelectorAll('button')].find((b) => b.textContent?.includes(text)) as HTMLButtonElement).click();
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    // The dialogs live outside the fixture.
    TestBed.tick();
    fixture.detectChanges();
  };

  it('shows nothing until rows are selected, then the count in French and the role’s actions', () => {
    render('mission_officer');
    expect(root.textContent?.trim()).toBe('');
    select('t-1', 't-2');
    expect(root.textContent).toContain('2 tâches sélectionnées');
    expect(buttons()).toEqual([
      'Sélectionner les 42 résultats',
      'Désélectionner',
      'inventory_2 Archiver',
      'assignment_ind Attribuer',
      'task_alt Terminer',
      'download Exporter la sélection (CSV)',
    ]);
  });

  it('offers a reader the export of the selection only', () => {
    render('cdom', 'candidate-referrals');
    select('r-1');
    expect(buttons()).toEqual([
      'Sélectionner les 42 résultats',
      'Désélectionner',
      'download Exporter la sélection (CSV)',
    ]);
  });

  it('runs an action on every record of the filters after one confirmation, shows the result, then asks for a reload', async () => {
    render('mission_officer');
    select('t-1');
    press('Sélectionner les 42 résultats');
    fixture.detectChanges();
    expect(root.textContent).toContain('42 tâches sélectionnées (tous les résultats des filtres)');
    press('Terminer');
    await settle();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(dialog.textContent).toContain('La sélection (42 tâches) est marquée comme faite');
    press('Terminer (42 tâches)', dialog);
    await settle();
    const request = http.expectOne('/api/tasks/bulk');
    // The list's filters without its page and order.
    expect(request.request.body).toEqual({ filters: { status: 'open' }, action: 'complete' });
    request.flush(RESULT);
    await settle();
    // The result opens once the confirmation has closed.
    await new Promise((resolve) => setTimeout(resolve));
    await settle();
    const result = [...document.querySelectorAll('mat-dialog-container')].at(-1) as HTMLElement;
    expect(result.textContent).toContain('1 fait sur 2 · 1 refusé.');
    expect(result.textContent).toContain('Préparer la visite : Cette tâche n’est plus ouverte : rouvrez-la d’abord.');
    expect(fixture.componentInstance.changed).toEqual([RESULT]);
    expect(fixture.componentInstance.selection.count(42)).toBe(0);
  });

  it('changes nothing when the confirmation is cancelled', async () => {
    render('mission_officer', 'sites');
    select('s-1');
    press('Archiver');
    await settle();
    press('Annuler', document.querySelector('mat-dialog-container') as HTMLElement);
    await settle();
    http.expectNone('/api/sites/bulk');
    expect(fixture.componentInstance.changed).toEqual([]);
    expect(fixture.componentInstance.selection.ids()).toEqual(['s-1']);
  });

  it('exports the selection as the CSV file the API names', async () => {
    Object.assign(URL, { createObjectURL: () => 'blob:csv', revokeObjectURL: () => undefined });
    const saved: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    render('departement', 'sites');
    select('s-1', 's-2');
    press('Exporter la sélection');
    const request = http.expectOne('/api/sites/bulk/export');
    expect(request.request.body).toEqual({ ids: ['s-1', 's-2'] });
    request.flush(new Blob(['Nom;Commune']), {
      headers: { 'Content-Disposition': 'attachment; filename="terrains-2026-12-07.csv"', 'X-Exported-Count': '2' },
    });
    await settle();
    click.mockRestore();
    expect(saved).toEqual(['terrains-2026-12-07.csv']);
    expect(document.body.textContent).toContain('2 lignes exportées : terrains-2026-12-07.csv.');
  });
});
