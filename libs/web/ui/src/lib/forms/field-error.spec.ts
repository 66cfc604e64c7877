import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { controlLabel } from '@maillage/web/util';
import { FieldError, fieldErrorText } from './field-error';

@Component({
  imports: [FieldError, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <form [formGroup]="form">
      <mat-form-field>
        <mat-label>Nom du terrain</mat-label>
        <input matInput formControlName="name" />
        <mat-error [uiFieldError]="{ required: 'Saisissez le nom du terrain.' }" />
      </mat-form-field>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly form = new FormGroup({ name: new FormControl('', Validators.required) });
}

describe('FieldError', () => {
  let fixture: ComponentFixture<Host>;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideNoopAnimations()] });
    fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
  });

  it('registers the label the field shows, so that the API’s messages can name it', () => {
    expect(controlLabel(fixture.componentInstance.form.controls.name)).toBe('Nom du terrain');
  });

  it('says the field’s own message, then the API’s message once placed on the control', () => {
    const name = fixture.componentInstance.form.controls.name;
    name.markAsTouched();
    fixture.componentInstance.form.updateValueAndValidity();
    fixture.detectChanges();
    const error = () => (fixture.nativeElement as HTMLElement).querySelector('mat-error')?.textContent;
    expect(error()).toBe('Saisissez le nom du terrain.');
    name.setValue('M');
    name.setErrors({ server: 'Nom du terrain : 2 caractères au moins.' });
    fixture.detectChanges();
    expect(error()).toBe('Nom du terrain : 2 caractères au moins.');
  });

  it.each([
    [{ required: true }, {}, 'Ce champ est obligatoire.'],
    [{ minlength: { requiredLength: 2, actualLength: 1 } }, {}, '2 caractères au moins.'],
    [{ max: { max: 50, actual: 60 } }, {}, '50 au plus.'],
    [{ pattern: {} }, 'Code postal à 5 chiffres.', 'Code postal à 5 chiffres.'],
    [null, {}, ''],
  ])('reads %p in French', (errors, messages, text) => {
    expect(fieldErrorText(errors, messages)).toBe(text);
  });
});
