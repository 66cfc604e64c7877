import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideFrenchDates } from '@maillage/web/ui';
import { AuthStore } from '../../core/auth/auth.store';
import { buildAuthUser } from '../../core/auth/testing';
import { COMMITTEES_URL } from './committees-api';
import { MeetingActionDialog } from './meeting-action-dialog';

describe('MeetingActionDialog', () => {
  let fixture: ComponentFixture<MeetingActionDialog>;
  let http: HttpTestingController;
  let close: jest.Mock;
  let root: HTMLElement;
  const me = buildAuthUser();

  beforeEach(() => {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [MeetingActionDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideFrenchDates(),
        { provide: MAT_DIALOG_DATA, useValue: { meetingId: 'm1', meetingTitle: 'Comité de suivi' } },
        { provide: MatDialogRef, useValue: { close } },
        { provide: AuthStore, useValue: { user: () => me } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MeetingActionDialog);
    root = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const field = (label: string) =>
    [...root.querySelectorAll('mat-form-field')]
      .find((f) => f.querySelector('mat-label')?.textContent?.trim() === label)
      ?.querySelector('input') as HTMLInputElement;
  const type = (el: HTMLInputElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event('input'));
  };
  const submit = () => (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();

  it('turns the action into a task of the meeting, owned by me by default', async () => {
    type(field('Action'), 'Relancer le CDOM');
    type(field('Échéance'), '31/01/2027');
    submit();
    const req = http.expectOne(`${COMMITTEES_URL}/m1/actions`);
    expect(req.request.body).toEqual({
      items: [{ title: 'Relancer le CDOM', ownerId: me.id, ownerLabel: null, dueOn: '2027-01-31' }],
    });
    req.flush({ id: 'm1', actions: [] });
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith({ id: 'm1', actions: [] });
  });

  it('names another person or body as the owner', async () => {
    type(field('Action'), 'Organiser une réunion');
    type(field('Échéance'), '15/01/2027');
    const other = [...root.querySelectorAll('mat-radio-button input')][2] as HTMLInputElement;
    other.click();
    fixture.detectChanges();
    type(field('Responsable'), 'Faculté de médecine');
    submit();
    const req = http.expectOne(`${COMMITTEES_URL}/m1/actions`);
    expect(req.request.body.items[0]).toMatchObject({ ownerId: null, ownerLabel: 'Faculté de médecine' });
    req.flush({ id: 'm1' });
    await fixture.whenStable();
  });

  it('places the API’s message about `items.0.dueOn` at the due date, with its label', async () => {
    type(field('Action'), 'Relancer le CDOM');
    type(field('Échéance'), '31/01/2027');
    submit();
    http
      .expectOne(`${COMMITTEES_URL}/m1/actions`)
      .flush(
        { statusCode: 400, message: ['items.0.dueOn : date attendue au format AAAA-MM-JJ.'] },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    fixture.detectChanges();
    const dueField = field('Échéance').closest('mat-form-field') as HTMLElement;
    expect(dueField.querySelector('mat-error')?.textContent).toBe('Échéance : date attendue au format AAAA-MM-JJ.');
    expect(root.textContent).not.toContain('items.0');
    expect(close).not.toHaveBeenCalled();
  });

  it('requires a title and a due date', () => {
    type(field('Action'), 'Relancer le CDOM');
    submit();
    http.expectNone(`${COMMITTEES_URL}/m1/actions`);
  });
});
