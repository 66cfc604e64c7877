import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideFrenchDates } from '@maillage/web/ui';
import { ReportDateDialog, type ReportDateDialogData } from './report-date-dialog';

const DATA: ReportDateDialogData = {
  title: 'Approuver le bilan 2025',
  message: 'Les chiffres seront figés.',
  dateLabel: 'Date d’approbation',
  confirm: 'Approuver et figer les chiffres',
  icon: 'lock',
  initial: '2026-03-12',
  min: '2026-03-10',
};

describe('ReportDateDialog', () => {
  let fixture: ComponentFixture<ReportDateDialog>;
  let close: jest.Mock;
  let root: HTMLElement;

  beforeEach(() => {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [ReportDateDialog],
      providers: [
        provideNoopAnimations(),
        provideFrenchDates(),
        { provide: MAT_DIALOG_DATA, useValue: DATA },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    fixture = TestBed.createComponent(ReportDateDialog);
    root = fixture.nativeElement;
    fixture.detectChanges();
  });

  const input = () => root.querySelector('input') as HTMLInputElement;
  const submit = () => (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();

  it('explains the step and proposes the date in French', () => {
    expect(root.textContent).toContain('Les chiffres seront figés.');
    expect(input().value).toBe('12/03/2026');
    submit();
    expect(close).toHaveBeenCalledWith({ date: '2026-03-12', confirmed: false });
  });

  it('refuses a date before the presentation', () => {
    input().value = '09/03/2026';
    input().dispatchEvent(new Event('input'));
    submit();
    fixture.detectChanges();
    expect(close).not.toHaveBeenCalled();
    expect(root.textContent).toContain('La date ne peut précéder celle de la présentation.');
  });
});

describe('ReportDateDialog with gaps', () => {
  it('lists what is missing and approves only once the confirmation is ticked', () => {
    const close = jest.fn();
    TestBed.configureTestingModule({
      imports: [ReportDateDialog],
      providers: [
        provideNoopAnimations(),
        provideFrenchDates(),
        { provide: MAT_DIALOG_DATA, useValue: { ...DATA, gaps: ['3 sections sur 6 sont vides (« Perspectives »)'] } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(ReportDateDialog);
    const root: HTMLElement = fixture.nativeElement;
    fixture.detectChanges();
    expect(root.textContent).toContain('3 sections sur 6 sont vides (« Perspectives »).');
    const submit = () => (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    submit();
    fixture.detectChanges();
    expect(close).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Cochez la confirmation pour approuver un bilan incomplet.');
    (root.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    fixture.detectChanges();
    submit();
    expect(close).toHaveBeenCalledWith({ date: '2026-03-12', confirmed: true });
  });
});
