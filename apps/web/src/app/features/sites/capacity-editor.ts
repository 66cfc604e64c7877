import { ChangeDetectionStrategy, Component, forwardRef, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  type ControlValueAccessor,
  FormControl,
  FormRecord,
  NG_VALIDATORS,
  NG_VALUE_ACCESSOR,
  ReactiveFormsModule,
  type ValidationErrors,
  type Validator,
  Validators,
} from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type SiteCapacity, STAGE_TYPE_LABELS, STAGE_TYPES, type StageType } from '@maillage/shared/domain';

/** Places per semester and stage type, as the API accepts them. */
export const MAX_PLACES = 50;

const wholeNumber = (control: AbstractControl<number | null>): ValidationErrors | null =>
  control.value === null || Number.isInteger(control.value) ? null : { integer: true };

/**
 * One row per stage type, 0 to 50 places each. Its value is the list the API takes
 * (`[{ stageType: 'N1', places: 2 }]`, stage types without places left out: an empty row
 * counts as 0); it is invalid while a row is negative, above 50 or not a whole number.
 */
@Component({
  selector: 'app-capacity-editor',
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <fieldset class="capacities" [formGroup]="rows">
      <legend>{{ legend() }}</legend>
      @for (type of stageTypes; track type) {
        <mat-form-field>
          <mat-label>{{ labels[type] }}</mat-label>
          <input matInput type="number" inputmode="numeric" min="0" [max]="max" step="1" [formControlName]="type" />
          <span matTextSuffix>places</span>
          <mat-error>De 0 à {{ max }} places (nombre entier).</mat-error>
        </mat-form-field>
      }
      <p class="total" aria-live="polite">Total : {{ total() }} {{ total() > 1 ? 'places' : 'place' }} par semestre</p>
    </fieldset>
  `,
  styles: `
    .capacities {
      display: grid;
      align-items: start;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: 12px 16px;
      margin: 0;
      padding: 0;
      border: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 12px;
    }
    .total {
      grid-column: 1 / -1;
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => CapacityEditor), multi: true },
    { provide: NG_VALIDATORS, useExisting: forwardRef(() => CapacityEditor), multi: true },
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CapacityEditor implements ControlValueAccessor, Validator {
  protected readonly stageTypes = STAGE_TYPES;
  protected readonly labels = STAGE_TYPE_LABELS;
  protected readonly max = MAX_PLACES;
  readonly legend = input('Capacités d’accueil par semestre');
  protected readonly rows = new FormRecord<FormControl<number | null>>(
    Object.fromEntries(
      STAGE_TYPES.map((type) => [
        type,
        new FormControl<number | null>(0, [Validators.min(0), Validators.max(MAX_PLACES), wholeNumber]),
      ]),
    ),
  );
  protected readonly total = signal(0);

  private onChange: (value: SiteCapacity[]) => void = () => undefined;
  private onTouched: () => void = () => undefined;
  private onValidatorChange: () => void = () => undefined;

  constructor() {
    this.rows.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      const value = this.capacities();
      this.total.set(value.reduce((sum, c) => sum + c.places, 0));
      this.onChange(value);
      this.onTouched();
      this.onValidatorChange();
    });
  }

  writeValue(value: readonly SiteCapacity[] | null): void {
    const places = (type: StageType) => value?.find((c) => c.stageType === type)?.places ?? 0;
    for (const type of STAGE_TYPES) this.rows.controls[type].setValue(places(type), { emitEvent: false });
    this.total.set(STAGE_TYPES.reduce((sum, type) => sum + places(type), 0));
  }

  registerOnChange(fn: (value: SiteCapacity[]) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  registerOnValidatorChange(fn: () => void): void {
    this.onValidatorChange = fn;
  }

  setDisabledState(disabled: boolean): void {
    if (disabled) this.rows.disable({ emitEvent: false });
    else this.rows.enable({ emitEvent: false });
  }

  validate(): ValidationErrors | null {
    return this.rows.invalid ? { capacities: true } : null;
  }

  /** The valid rows with places, in the order of the stage types. */
  private capacities(): SiteCapacity[] {
    return STAGE_TYPES.flatMap((type) => {
      const control = this.rows.controls[type];
      const places = control.value;
      return control.valid && places !== null && places > 0 ? [{ stageType: type, places }] : [];
    });
  }
}
