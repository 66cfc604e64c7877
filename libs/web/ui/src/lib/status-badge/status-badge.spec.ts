import { TestBed } from '@angular/core/testing';
import { badges, StatusBadge } from './status-badge';

describe('StatusBadge', () => {
  const statusBadge = badges(
    { active: 'Actif', closed: 'Fermé' },
    { active: { tone: 'success', icon: 'check_circle' }, closed: { tone: 'muted' } },
  );

  it('maps a domain value to its label, tone and icon', () => {
    expect(statusBadge('active')).toEqual({ label: 'Actif', tone: 'success', icon: 'check_circle' });
  });

  it('says the label next to its icon (colour is never the only signal), and the long form to screen readers', () => {
    const fixture = TestBed.createComponent(StatusBadge);
    fixture.componentRef.setInput('badge', statusBadge('active'));
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.textContent).toBe('check_circleActif');
    expect(root.querySelector('.badge')?.classList).toContain('badge--success');

    fixture.componentRef.setInput('badge', { label: 'ZAC', long: 'Zone d’action complémentaire', tone: 'attention' });
    fixture.detectChanges();
    expect(root.querySelector('abbr')?.getAttribute('title')).toBe('Zone d’action complémentaire');
    expect(root.textContent).toBe('ZAC : Zone d’action complémentaire');
  });
});
