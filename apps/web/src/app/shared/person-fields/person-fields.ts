import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ControlContainer } from '@angular/forms';
import { CIVILITIES, CIVILITY_LABELS } from '@maillage/shared/domain';
import { FORM_FIELDS } from '@maillage/web/ui';

/**
 * Who a professional is — civility, first name, last name, RPPS — as fields of the form group
 * around it (`civility`, `firstName`, `lastName`, `rpps`): the professional form and a referral
 * of someone not yet in the registry ask the same way.
 */
@Component({
  selector: 'app-person-fields',
  imports: [FORM_FIELDS],
  // The fields bind to the form group of the parent template (`[formGroup]` or `formGroupName`).
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
  template: `
    <ui-select-field
      label="Civilité"
      formControlName="civility"
      [options]="civilities"
      [labels]="civilityLabels"
      emptyLabel="Non précisée"
    />
    <ui-text-field
      label="Prénom"
      formControlName="firstName"
      [required]="true"
      [errors]="{ required: 'Saisissez le prénom.' }"
    />
    <ui-text-field
      label="Nom"
      formControlName="lastName"
      [required]="true"
      [errors]="{ required: 'Saisissez le nom.' }"
    />
    <ui-text-field
      [label]="rppsLabel()"
      formControlName="rpps"
      inputmode="numeric"
      [maxlength]="14"
      [hint]="rppsHint()"
      [errors]="rppsErrors"
    />
  `,
  // Its fields are items of the parent's grid, like the form's other fields.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonFields {
  readonly rppsLabel = input('Numéro RPPS');
  readonly rppsHint = input('11 chiffres, facultatif');

  protected readonly civilities = CIVILITIES;
  protected readonly civilityLabels = CIVILITY_LABELS;
  protected readonly rppsErrors = {
    rppsFormat: 'Le numéro RPPS compte 11 chiffres.',
    rppsChecksum: 'Ce numéro RPPS n’est pas valide (chiffre de contrôle) : vérifiez la saisie.',
  };
}
