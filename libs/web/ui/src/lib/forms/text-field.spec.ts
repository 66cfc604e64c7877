import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { provideNativeDateAdapter } from '@angular/material/core';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { controlLabel } from '@maillage/web/util';
import { DateField } from './date-field';
import { TextField } from './text-field';

@Component({
  imports: [DateField, ReactiveFormsModule, TextField],
  template: `
    <form [formGroup]="form">
      <ui-text-field label="Nom" formControlName="name" [maxlength]="5" [errors]="{ required: 'Saisissez le nom.' }" />
      <ui-text-field label="Budget" type="number" formControlName="budget" [min]="0" suffix="€" />
      <ui-text-field label="Note" formControlName="note" [rows]="3" hint="Aucune donnée de santé." />
      <ui-date-field label="Début" formControlName="start" [required]="true" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly form = new FormGroup({
    name: new FormControl('', Validators.required),
    budget: new FormControl<number | null>(null),
    note: new FormControl(''),
    start: new FormControl<Date | null>(null),
  });
}

describe('TextField and DateField', () => {
  let fixture: ComponentFixture<Host>;
  let root: HTMLElement;
  const field = (label: string) =>
    [...root.querySelectorAll('mat-form-field')].find(
      (f) => f.querySelector('mat-label')?.textContent?.trim() === label,
    );

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [provideNoopAnimations(), provideNativeDateAdapter()],
    });
    fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    root = fixture.nativeElement as HTMLElement;
  });

  it('binds the form’s own control: typing writes it, setting it shows it', () => {
    const input = field('Nom')?.querySelector('input') as HTMLInputElement;
    input.value = 'Melun';
    input.dispatchEvent(new Event('input'));
    expect(fixture.componentInstance.form.value.name).toBe('Melun');
    fixture.componentInstance.form.controls.note.setValue('Une note');
    fixture.detectChanges();
    const area = field('Note')?.querySelector('textarea') as HTMLTextAreaElement;
    expect(area.value).toBe('Une note');
    expect(area.rows).toBe(3);
  });

  it('adds the validators Angular puts on such inputs and says their messages at the field', () => {
    const { name, budget, start } = fixture.componentInstance.form.controls;
    name.setValue('Trop long');
    expect(name.hasError('maxlength')).toBe(true);
    budget.setValue(-1);
    expect(budget.hasError('min')).toBe(true);
    expect(start.hasError('required')).toBe(true);
    fixture.componentInstance.form.markAllAsTouched();
    name.setValue('');
    fixture.detectChanges();
    expect(field('Nom')?.querySelector('mat-error')?.textContent).toBe('Saisissez le nom.');
    expect(field('Budget')?.querySelector('mat-error')?.textContent).toBe('0 au moins.');
    expect(field('Budget')?.textContent).toContain('€');
  });

  it('marks a required field from the control’s validator or the input, and registers the label', () => {
    expect(field('Nom')?.querySelector('input')?.required).toBe(true);
    expect(field('Budget')?.querySelector('input')?.required).toBe(false);
    expect(field('Début')?.querySelector('input')?.required).toBe(true);
    expect(controlLabel(fixture.componentInstance.form.controls.name)).toBe('Nom');
  });

  it('gives a date field its calendar and the « jj/mm/aaaa » hint', () => {
    expect(field('Début')?.querySelector('mat-datepicker-toggle')).not.toBeNull();
    expect(field('Début')?.querySelector('mat-hint')?.textContent).toBe('jj/mm/aaaa');
    expect(field('Note')?.querySelector('mat-hint')?.textContent).toBe('Aucune donnée de santé.');
  });
});
