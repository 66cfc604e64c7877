import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TextField } from './text-field';

@Component({
  imports: [ReactiveFormsModule, TextField],
  template: `
    <form [formGroup]="form">
      <ui-text-field
        label="Mot de passe"
        type="password"
        [revealable]="true"
        formControlName="password"
        autocomplete="new-password"
        hint="12 caractères au moins."
        [errors]="{ required: 'Saisissez un mot de passe.' }"
      />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly form = new FormGroup({ password: new FormControl('', Validators.required) });
}

describe('TextField revealable (a password)', () => {
  function render() {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    const input = root.querySelector('input') as HTMLInputElement;
    return { fixture, root, input };
  }

  it('writes the form’s own control, hidden by default, with its autocomplete and asterisk', () => {
    const { fixture, root, input } = render();
    expect(input.type).toBe('password');
    expect(input.getAttribute('autocomplete')).toBe('new-password');
    expect(input.required).toBe(true);
    expect(root.querySelector('mat-hint')?.textContent).toContain('12 caractères au moins.');
    input.value = 'une phrase de passe';
    input.dispatchEvent(new Event('input'));
    expect(fixture.componentInstance.form.value.password).toBe('une phrase de passe');
  });

  it('shows and hides the password with a pressed toggle button', () => {
    const { fixture, root, input } = render();
    const toggle = root.querySelector('button') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-label')).toBe('Afficher le mot de passe');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    fixture.detectChanges();
    expect(input.type).toBe('text');
    expect(toggle.getAttribute('aria-label')).toBe('Masquer le mot de passe');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });

  it('says the field’s own message once touched and empty', () => {
    const { fixture, root } = render();
    fixture.componentInstance.form.controls.password.markAsTouched();
    fixture.componentInstance.form.controls.password.updateValueAndValidity();
    fixture.detectChanges();
    expect(root.querySelector('mat-error')?.textContent).toBe('Saisissez un mot de passe.');
  });
});
