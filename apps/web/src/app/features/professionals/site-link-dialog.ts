import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { type MatAutocompleteSelectedEvent, MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import {
  type Page,
  type ProfessionalSiteLink,
  type ProfessionalSummary,
  type SiteRole,
  type SiteSummary,
  professionalDisplayName,
  SITE_ROLE_LABELS,
  SITE_ROLES,
} from '@maillage/shared/domain';
import { DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, fromIsoDate, toIsoDate } from '@maillage/web/util';
import { debounceTime, map } from 'rxjs';
import { SITES_URL } from '../sites';
import { PROFESSIONALS_URL } from './professionals-api';
import { SiteLinksApi } from './site-links-api';

/**
 * `link`: a new link from a professional's page (choose the site) or a site's page (choose the
 * professional). `edit`: the role and start of a current link. `end`: its last day.
 */
export type SiteLinkDialogData =
  | { mode: 'link'; professional: { id: string; name: string } }
  | { mode: 'link'; site: { id: string; name: string } }
  | { mode: 'edit' | 'end'; link: ProfessionalSiteLink };

interface Choice {
  id: string;
  name: string;
  detail: string | null;
}

const HEADINGS = { link: 'Rattacher à un terrain', edit: 'Modifier le rattachement', end: 'Terminer le rattachement' };

/** Links a professional and a site (role, start), edits a link, or ends it. */
@Component({
  selector: 'app-site-link-dialog',
  imports: [DIALOG_FORM, MatAutocompleteModule, MatDatepickerModule, MatIconModule],
  template: `
    <form
      uiDialogForm
      [heading]="heading"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
      [submitLabel]="submitLabel"
    >
      <p uiDialogLead>{{ lead }}</p>
      @if (data.mode === 'link') {
        <mat-form-field>
          <mat-label>{{ pickLabel }}</mat-label>
          <mat-icon matPrefix aria-hidden="true">search</mat-icon>
          <input
            matInput
            formControlName="other"
            [matAutocomplete]="auto"
            (input)="onTyped()"
            autocomplete="off"
            required
          />
          <mat-autocomplete #auto="matAutocomplete" (optionSelected)="choose($event)">
            @for (c of suggestions(); track c.id) {
              <mat-option [value]="c">{{ c.name }}{{ c.detail ? ', ' + c.detail : '' }}</mat-option>
            }
          </mat-autocomplete>
          <mat-hint>
            @if (chosen(); as c) {
              Choisi : {{ c.name }}
            } @else {
              Tapez au moins deux lettres puis choisissez.
            }
          </mat-hint>
          <mat-error [uiFieldError]="{ notChosen: 'Choisissez dans la liste des suggestions.' }" />
        </mat-form-field>
      }
      @if (data.mode !== 'end') {
        <ui-select-field
          label="Rôle au sein du terrain"
          formControlName="role"
          [options]="roles"
          [labels]="roleLabels"
          [required]="true"
        />
        <ui-date-field
          label="Date de début"
          formControlName="startDate"
          hint="jj/mm/aaaa, facultative"
          [errors]="{ matDatepickerParse: dateError }"
        />
      } @else {
        <ui-date-field
          label="Date de fin"
          formControlName="endDate"
          [max]="today"
          [required]="true"
          hint="jj/mm/aaaa : le dernier jour au terrain, aujourd’hui au plus tard"
          [errors]="endErrors"
        />
      }
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteLinkDialog {
  private readonly api = inject(SiteLinksApi);
  private readonly ref = inject<MatDialogRef<SiteLinkDialog, ProfessionalSiteLink>>(MatDialogRef);
  protected readonly data = inject<SiteLinkDialogData>(MAT_DIALOG_DATA);

  protected readonly roles = SITE_ROLES;
  protected readonly roleLabels = SITE_ROLE_LABELS;
  protected readonly today = new Date();
  protected readonly dateError = 'Saisissez une date au format jj/mm/aaaa.';
  protected readonly endErrors = {
    required: 'Saisissez la date de fin, au format jj/mm/aaaa.',
    matDatepickerParse: this.dateError,
    matDatepickerMax: 'La date de fin ne peut pas être dans le futur.',
  };
  protected readonly submitLabel =
    this.data.mode === 'link' ? 'Rattacher' : this.data.mode === 'end' ? 'Terminer' : 'Enregistrer';
  /** Linking from a site's page picks a professional; from a professional's page, a site. */
  private readonly fromSite = this.data.mode === 'link' && 'site' in this.data;
  protected readonly pickLabel = this.fromSite ? 'Professionnel' : 'Terrain';
  protected readonly heading = this.fromSite ? 'Rattacher un professionnel' : HEADINGS[this.data.mode];
  protected readonly lead = this.leadText();

  private readonly link = this.data.mode === 'link' ? null : this.data.link;
  protected readonly form = new FormGroup({
    other: new FormControl('', { nonNullable: true }),
    role: new FormControl<SiteRole | null>(
      this.link?.role ?? null,
      this.data.mode === 'end' ? [] : Validators.required,
    ),
    startDate: new FormControl<Date | null>(this.link?.startDate ? fromIsoDate(this.link.startDate) : null),
    endDate: new FormControl<Date | null>(this.data.mode === 'end' ? new Date() : null, {
      validators: this.data.mode === 'end' ? Validators.required : [],
    }),
  });
  protected readonly submission = formSubmission(this.form, {
    fields: { siteId: 'other', professionalId: 'other' },
    labels: { other: this.pickLabel },
  });

  protected readonly chosen = signal<Choice | null>(null);
  private readonly typed = toSignal(
    this.form.controls.other.valueChanges.pipe(
      debounceTime(250),
      map((v) => (typeof v === 'string' ? v.trim() : '')),
    ),
    { initialValue: '' },
  );
  private readonly sites = httpResource<Page<SiteSummary>>(() => {
    const q = this.typed();
    if (this.data.mode !== 'link' || this.fromSite || q.length < 2 || q === this.chosen()?.name) return undefined;
    return { url: SITES_URL, params: { q, pageSize: 10, sort: 'name:asc' } };
  });
  private readonly professionals = httpResource<Page<ProfessionalSummary>>(() => {
    const q = this.typed();
    if (!this.fromSite || q.length < 2 || q === this.chosen()?.name) return undefined;
    return { url: PROFESSIONALS_URL, params: { q, pageSize: 10, sort: 'lastName:asc' } };
  });
  protected readonly suggestions = (): Choice[] =>
    this.fromSite
      ? (this.professionals.value()?.items ?? []).map((p) => ({
          id: p.id,
          name: professionalDisplayName(p),
          detail: p.specialty,
        }))
      : (this.sites.value()?.items ?? []).map((s) => ({ id: s.id, name: s.name, detail: s.communeName }));

  protected choose(event: MatAutocompleteSelectedEvent): void {
    const choice = event.option.value as Choice;
    this.chosen.set(choice);
    this.form.controls.other.setValue(choice.name);
  }

  protected onTyped(): void {
    if (this.form.controls.other.value !== this.chosen()?.name) this.chosen.set(null);
  }

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    const startDate = v.startDate ? toIsoDate(v.startDate) : null;
    if (this.data.mode === 'link') {
      const chosen = this.chosen();
      if (!chosen) this.form.controls.other.setErrors({ notChosen: true });
      const pair =
        'site' in this.data
          ? { siteId: this.data.site.id, professionalId: chosen?.id ?? '' }
          : { professionalId: this.data.professional.id, siteId: chosen?.id ?? '' };
      await this.submission.submit(() => this.api.create({ ...pair, role: v.role as SiteRole, startDate }), {
        success: 'Rattachement enregistré.',
        then: (saved) => this.ref.close(saved),
      });
    } else if (this.data.mode === 'edit') {
      const link = this.data.link;
      await this.submission.submit(() => this.api.update(link, { role: v.role as SiteRole, startDate }), {
        success: 'Rattachement modifié.',
        then: (saved) => this.ref.close(saved),
      });
    } else {
      const link = this.data.link;
      await this.submission.submit(() => this.api.end(link, toIsoDate(v.endDate as Date)), {
        success: 'Rattachement terminé : il reste dans l’historique.',
        then: (saved) => this.ref.close(saved),
      });
    }
  }

  private leadText(): string {
    const d = this.data;
    if (d.mode === 'link') return 'site' in d ? `Terrain : ${d.site.name}.` : `Professionnel : ${d.professional.name}.`;
    return `${d.link.professional.name} à ${d.link.site.name}.`;
  }
}
