import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ACCESS_ISSUE_CATEGORIES, type AccessIssueBoard, type AccessIssueBoardRow } from '@maillage/shared/domain';
import { boardLines, IssueBoard } from './issue-board';

function buildBoard(): AccessIssueBoard {
  const rows: AccessIssueBoardRow[] = ACCESS_ISSUE_CATEGORIES.map((category) => ({
    category,
    counts: { open: 0, in_progress: 0, resolved: 0, wont_fix: 0 },
    open: 0,
    maxOpenSeverity: null,
  }));
  rows[2] = {
    category: 'housing',
    counts: { open: 3, in_progress: 1, resolved: 2, wont_fix: 0 },
    open: 4,
    maxOpenSeverity: 4,
  };
  return { rows, totals: { open: 3, in_progress: 1, resolved: 2, wont_fix: 0 } };
}

describe('boardLines', () => {
  it('gives one cell per status, with a link to the filtered list only when there are issues', () => {
    const housing = boardLines(buildBoard()).find((l) => l.category === 'housing');
    expect(housing?.label).toBe('Logement');
    expect(housing?.cells.map((c) => c.count)).toEqual([3, 1, 2, 0]);
    expect(housing?.cells[0].query).toEqual({ categorie: 'housing', statut: 'open' });
    expect(housing?.cells[3].query).toBeNull();
    expect(housing?.cells[1].label).toBe('Logement, en cours de traitement : 1');
    expect(housing?.openQuery).toEqual({ categorie: 'housing', ouvertes: 'oui' });
    expect(housing?.maxOpenSeverity).toBe('4 – Bloquante');
  });

  it('keeps the site in the links of a site’s board', () => {
    const housing = boardLines(buildBoard(), 'c0a80101-0000-4000-8000-000000000001').find(
      (l) => l.category === 'housing',
    );
    expect(housing?.cells[0].query).toEqual({
      terrain: 'c0a80101-0000-4000-8000-000000000001',
      categorie: 'housing',
      statut: 'open',
    });
  });
});

describe('IssueBoard', () => {
  it('renders every category with its counts, non-empty cells as links, and the totals', () => {
    TestBed.configureTestingModule({ imports: [IssueBoard], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(IssueBoard);
    fixture.componentRef.setInput('board', buildBoard());
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;

    expect(root.querySelectorAll('tbody tr')).toHaveLength(ACCESS_ISSUE_CATEGORIES.length);
    const housing = [...root.querySelectorAll('tbody tr')].find((r) =>
      r.querySelector('th')?.textContent?.includes('Logement'),
    );
    const links = [...(housing?.querySelectorAll('a') ?? [])] as HTMLAnchorElement[];
    expect(links.map((a) => a.textContent?.trim())).toEqual(['3', '1', '2', '4']);
    expect(links[0].getAttribute('href')).toBe('/difficultes-acces?categorie=housing&statut=open');
    expect(links[0].getAttribute('aria-label')).toBe('Logement, ouverte : 3');
    expect(housing?.textContent).toContain('4 – Bloquante');
    const totals = [...root.querySelectorAll('tfoot th, tfoot td')].map((c) => c.textContent?.trim());
    expect(totals).toEqual(['Total', '3', '1', '2', '0', '4', '']);
  });
});
