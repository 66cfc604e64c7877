import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import {
  type Page,
  type SiteRecord,
  type SiteSummary,
  type SiteVisitDetail,
  VISIT_PURPOSE_LABELS,
  VISIT_PURPOSES,
  type VisitPurpose,
} from '@maillage/shared/domain';
import { DATE_FIELD, DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, fromIsoDate, textOrNull, toIsoDate } from '@maillage/web/util';
import { catchError, debounceTime, map, of } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { SITES_URL } from '../sites';
import { ParticipantList } from './participant-list';
import { otherNames, participantCandidates } from './record-form';
import { VisitsApi } from './visits-api';

export interface PlanVisitData {
  /** A site chosen beforehand (from its page or the overdue list). */
  site?: { id: string; name: string };
  /** `YYYY-MM-DD`. */
  date?: string;
  purpose?: VisitPurpose;
}

interface SiteChoice {
  id: string;
  name: string;
  communeName?: string;
}

/** Plans a visit: the site (searched by name), the day and time, the purpose, who comes. */
@Component({
  selector: 'app-plan-visit-dialog',
  imports: [
    DIALOG_FORM,
    MatAutocompleteModule,
    MatButtonModule,
    DATE_FIELD,
    MatIconModule,
    ParticipantList,
    MatSelectModule,
  ],
  templateUrl: './plan-visit-dialog.html',
  styleUrl: './visit-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanVisitDialog {
  private readonly api = inject(VisitsApi);
  private readonly auth = inject(AuthStore);
  private readonly ref = inject<MatDialogRef<PlanVisitDialog, SiteVisitDetail>>(MatDialogRef);
  protected readonly data = inject<PlanVisitData | null>(MAT_DIALOG_DATA, { optional: true }) ?? {};

  protected readonly purposes = VISIT_PURPOSES;
  protected readonly purposeLabels = VISIT_PURPOSE_LABELS;

  protected readonly form = new FormGroup({
    siteText: new FormControl(this.data.site?.name ?? '', { nonNullable: true }),
    plannedOn: new FormControl<Date | null>(this.data.date ? fromIsoDate(this.data.date) : null, Validators.required),
    plannedTime: new FormControl('', {
      nonNullable: true,
      validators: Validators.pattern(/^([01]\d|2[0-3]):[0-5]\d$/),
    }),
    purpose: new FormControl<VisitPurpose | null>(this.data.purpose ?? 'follow_up', Validators.required),
    participants: new FormControl<string[]>([], { nonNullable: true }),
    others: new FormControl('', { nonNullable: true }),
    notes: new FormControl('', { nonNullable: true, validators: Validators.maxLength(2000) }),
  });

  protected readonly site = signal<SiteChoice | null>(this.data.site ?? null);
  private readonly typed = toSignal(
    this.form.controls.siteText.valueChanges.pipe(
      debounceTime(250),
      map((v) => (typeof v === 'string' ? v.trim() : '')),
    ),
    { initialValue: '' },
  );
  protected readonly suggestions = httpResource<Page<SiteSummary>>(() => {
    const q = this.typed();
    if (q.length < 2 || q === this.site()?.name) return undefined;
    return { url: SITES_URL, params: { q, pageSize: 10, sort: 'name:asc' } };
  });
  protected readonly siteRecord = httpResource<SiteRecord>(() => {
    const id = this.site()?.id;
    return id ? `${SITES_URL}/${id}` : undefined;
  });
  protected readonly colleagues = toSignal(this.api.colleagues().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly candidates = computed(() => {
    const me = this.auth.user();
    const self =
      me?.role === 'mission_officer'
        ? [{ id: '', kind: 'mission_officer' as const, userId: me.id, professionalId: null, name: me.displayName }]
        : [];
    return participantCandidates(
      this.colleagues(),
      this.siteRecord.hasValue() ? this.siteRecord.value() : undefined,
      self,
    );
  });
  protected readonly submission = formSubmission(this.form, {
    fields: { siteId: 'siteText', 'participants.*.name': 'others', participants: 'others' },
  });
  protected readonly messages = {
    site: { notChosen: 'Choisissez un terrain dans la liste des suggestions.' },
    date: {
      required: 'Saisissez une date au format jj/mm/aaaa.',
      matDatepickerParse: 'Saisissez une date au format jj/mm/aaaa.',
    },
    time: { pattern: 'Format HH:MM (ex. 14:30).' },
    purpose: { required: 'Choisissez l’objet de la visite.' },
  };

  constructor() {
    // The signed-in mission officer comes by default.
    const me = this.auth.user();
    if (me?.role === 'mission_officer') this.form.controls.participants.setValue([`user:${me.id}`]);
  }

  protected displaySite = (value: SiteChoice | string | null): string =>
    typeof value === 'string' ? value : (value?.name ?? '');

  protected chooseSite(event: MatAutocompleteSelectedEvent): void {
    const site = event.option.value as SiteSummary;
    this.site.set({ id: site.id, name: site.name, communeName: site.communeName });
    this.form.controls.siteText.setValue(site.name);
    // MSUs of another site no longer apply.
    this.form.controls.participants.setValue(
      this.form.controls.participants.value.filter((key) => !key.startsWith('pro:')),
    );
  }

  protected onSiteInput(): void {
    if (this.form.controls.siteText.value !== this.site()?.name) this.site.set(null);
  }

  protected async submit(): Promise<void> {
    const site = this.site();
    if (!site) this.form.controls.siteText.setErrors({ notChosen: true });
    const v = this.form.getRawValue();
    const chosen = this.candidates().filter((c) => v.participants.includes(c.key));
    await this.submission.submit(
      () =>
        this.api.plan({
          siteId: (site as SiteChoice).id,
          purpose: v.purpose as VisitPurpose,
          plannedOn: toIsoDate(v.plannedOn as Date),
          plannedTime: v.plannedTime || null,
          notes: textOrNull(v.notes),
          participants: [
            ...chosen.map((c) => c.input),
            ...otherNames(v.others).map((name) => ({ kind: 'other' as const, name })),
          ],
        }),
      { then: (saved) => this.ref.close(saved) },
    );
  }
}
