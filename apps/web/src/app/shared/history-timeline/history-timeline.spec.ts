import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { AuditEventView, Page } from '@maillage/shared/domain';
import { AUDIT_EVENTS_URL, HISTORY_STEP, HistoryTimeline } from './history-timeline';

registerLocaleData(localeFr);

function buildEvent(overrides: Partial<AuditEventView> = {}): AuditEventView {
  return {
    id: 'e-2',
    occurredAt: '2026-11-03T09:15:00.000Z',
    actorEmail: 'chargee.mission@demo.maillage.fr',
    action: 'updated',
    entityType: 'training_site',
    entityId: 's-1',
    changes: {
      capacities: { before: { N1: 1 }, after: { N1: 2, SASPAS: 1 } },
      housingOnSite: { before: false, after: true },
    },
    ...overrides,
  };
}

describe('HistoryTimeline', () => {
  let fixture: ComponentFixture<HistoryTimeline>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [HistoryTimeline],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: LOCALE_ID, useValue: 'fr' }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HistoryTimeline);
    fixture.componentRef.setInput('entityType', 'training_site');
    fixture.componentRef.setInput('entityId', 's-1');
    root = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const eventsRequest = (): TestRequest => http.expectOne((r) => r.url === AUDIT_EVENTS_URL);

  async function answer(request: TestRequest, items: AuditEventView[], total = items.length): Promise<void> {
    const body: Page<AuditEventView> = { items, total, page: 1, pageSize: HISTORY_STEP };
    request.flush(body);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('asks for the history of the record and reads it in French, before → after', async () => {
    const request = eventsRequest();
    expect(request.request.params.toString()).toBe('entityType=training_site&entityId=s-1&page=1&pageSize=20');
    await answer(request, [
      buildEvent(),
      buildEvent({ id: 'e-1', action: 'created', occurredAt: '2026-10-01T08:00:00.000Z', changes: {} }),
    ]);

    const events = root.querySelectorAll('li.event');
    expect(events).toHaveLength(2);
    // The time is the browser's local time: only its shape is fixed here.
    expect(text(events[0].querySelector('.event-head'))).toMatch(
      /^Modification le 3 novembre 2026 à \d{2}:15 par chargee\.mission@demo\.maillage\.fr$/,
    );
    expect(events[0].querySelector('time')?.getAttribute('datetime')).toBe('2026-11-03T09:15:00.000Z');
    const changes = [...events[0].querySelectorAll('.changes > li')].map(text);
    expect(changes).toEqual([
      'Logement sur place : avant : Non → après : Oui',
      'Capacités d’accueil : avant : N1 ×1 → après : N1 ×2, SASPAS ×1',
    ]);
    expect(events[0].querySelector('.arrow')?.getAttribute('aria-hidden')).toBe('true');
    expect(text(events[1].querySelector('.event-action'))).toBe('Création');
  });

  it('says so when the record has no history yet', async () => {
    await answer(eventsRequest(), []);
    expect(text(root)).toContain('Aucune modification enregistrée.');
  });

  it('shows older events on demand, and reloads when the record changes', async () => {
    await answer(eventsRequest(), [buildEvent()], 45);
    const more = [...root.querySelectorAll('button')].find((b) => text(b).includes('plus anciennes'));
    more?.click();
    fixture.detectChanges();
    await answer(eventsRequest(), [buildEvent(), buildEvent({ id: 'e-3' })], 45);
    expect(root.querySelectorAll('li.event')).toHaveLength(2);

    fixture.componentRef.setInput('revision', 8);
    fixture.detectChanges();
    const reload = eventsRequest();
    expect(reload.request.params.get('pageSize')).toBe('40');
    await answer(reload, [buildEvent()], 1);
    expect(root.querySelectorAll('li.event')).toHaveLength(1);
  });
});
