import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  type AnnualReportSummary,
  COMMITTEE_KIND_LABELS,
  COMMITTEE_KINDS,
  type CommitteeKind,
  type CommitteeMeetingDetail,
  type CommitteeMeetingInput,
  MEETING_STATUS_LABELS,
  MEETING_STATUSES,
  type MeetingAttendee,
  type MeetingStatus,
  type OfferSnapshotSummary,
  type Organisation,
  ORGANISATION_LABELS,
  ORGANISATIONS,
  type Page,
  PAGE_SIZE_MAX,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessages, isVersionConflict } from '../../core/http/api-error';
import { fromIsoDate, toIsoDate } from '../accreditations/accreditations-api';
import { OFFER_SNAPSHOTS_URL } from '../offer-snapshots/offer-snapshots-api';
import { COMMITTEES_URL, CommitteesApi, MEETING_CONFLICT_MESSAGE } from './committees-api';

export const REPORTS_URL = '/api/annual-reports';

const attendeeGroup = (a?: MeetingAttendee) =>
  new FormGroup({
    name: new FormControl(a?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2), Validators.maxLength(200)],
    }),
    organisation: new FormControl<Organisation>(a?.organisation ?? 'departement', { nonNullable: true }),
    title: new FormControl(a?.title ?? '', { nonNullable: true, validators: Validators.maxLength(200) }),
    present: new FormControl(a?.present ?? true, { nonNullable: true }),
  });

const decisionControl = (text = '') =>
  new FormControl(text, { nonNullable: true, validators: [Validators.required, Validators.minLength(2)] });

/** Creates or edits a committee meeting (mission officer and admin; the API checks it too). */
@Component({
  selector: 'app-meeting-form-page',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './meeting-form-page.html',
  styleUrl: './meeting-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingFormPage {
  private readonly api = inject(CommitteesApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter when editing. */
  readonly id = input<string>();

  protected readonly kinds = COMMITTEE_KINDS;
  protected readonly kindLabels = COMMITTEE_KIND_LABELS;
  protected readonly statuses = MEETING_STATUSES;
  protected readonly statusLabels = MEETING_STATUS_LABELS;
  protected readonly organisations = ORGANISATIONS;
  protected readonly organisationLabels = ORGANISATION_LABELS;
  protected readonly conflictMessage = MEETING_CONFLICT_MESSAGE;

  protected readonly existing = httpResource<CommitteeMeetingDetail>(() => {
    const id = this.id();
    return id ? `${COMMITTEES_URL}/${id}` : undefined;
  });
  private readonly snapshotList = httpResource<Page<OfferSnapshotSummary>>(() => ({
    url: OFFER_SNAPSHOTS_URL,
    params: { page: 1, pageSize: PAGE_SIZE_MAX, sort: 'takenOn:desc' },
  }));
  /** Not paged: a département has one report a year. */
  private readonly reportList = httpResource<AnnualReportSummary[]>(() => REPORTS_URL);
  protected readonly snapshots = computed(() => (this.snapshotList.hasValue() ? this.snapshotList.value().items : []));
  protected readonly reports = computed(() => (this.reportList.hasValue() ? this.reportList.value() : []));
  protected readonly title = computed(() =>
    this.id()
      ? `Modifier ${this.existing.hasValue() ? `« ${this.existing.value().title} »` : 'la réunion'}`
      : 'Nouvelle réunion',
  );

  protected readonly form = new FormGroup({
    kind: new FormControl<CommitteeKind | null>(null, Validators.required),
    status: new FormControl<MeetingStatus>('planned', { nonNullable: true }),
    heldOn: new FormControl<Date | null>(null, Validators.required),
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2), Validators.maxLength(200)],
    }),
    location: new FormControl('', { nonNullable: true, validators: Validators.maxLength(200) }),
    attendees: new FormArray<ReturnType<typeof attendeeGroup>>([]),
    agenda: new FormControl('', { nonNullable: true, validators: Validators.maxLength(10000) }),
    minutes: new FormControl('', { nonNullable: true, validators: Validators.maxLength(50000) }),
    decisions: new FormArray<FormControl<string>>([]),
    snapshotId: new FormControl<string | null>(null),
    annualReportId: new FormControl<string | null>(null),
  });

  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);
  protected readonly conflict = signal(false);

  constructor() {
    effect(() => {
      if (this.existing.hasValue()) this.fill(this.existing.value());
    });
  }

  private fill(m: CommitteeMeetingDetail): void {
    this.form.patchValue({
      kind: m.kind,
      status: m.status,
      heldOn: fromIsoDate(m.heldOn),
      title: m.title,
      location: m.location ?? '',
      agenda: m.agenda ?? '',
      minutes: m.minutes ?? '',
      snapshotId: m.snapshotId,
      annualReportId: m.annualReportId,
    });
    this.form.controls.attendees.clear();
    for (const a of m.attendees) this.form.controls.attendees.push(attendeeGroup(a));
    this.form.controls.decisions.clear();
    for (const d of m.decisions) this.form.controls.decisions.push(decisionControl(d.text));
  }

  protected addAttendee(): void {
    this.form.controls.attendees.push(attendeeGroup());
  }

  protected removeAttendee(index: number): void {
    this.form.controls.attendees.removeAt(index);
  }

  protected addDecision(): void {
    this.form.controls.decisions.push(decisionControl());
  }

  protected removeDecision(index: number): void {
    this.form.controls.decisions.removeAt(index);
  }

  protected snapshotLabel(s: OfferSnapshotSummary): string {
    const [y, m, d] = s.takenOn.split('-');
    return `${s.title} (${d}/${m}/${y})`;
  }

  /** The body sent to the API, from the form's current values. */
  protected body(): CommitteeMeetingInput {
    const v = this.form.getRawValue();
    return {
      kind: v.kind as CommitteeKind,
      status: v.status,
      heldOn: toIsoDate(v.heldOn as Date),
      title: v.title.trim(),
      location: v.location.trim() || null,
      attendees: v.attendees.map((a) => ({
        name: a.name.trim(),
        organisation: a.organisation,
        title: a.title.trim() || null,
        present: a.present,
      })),
      agenda: v.agenda.trim() || null,
      minutes: v.minutes.trim() || null,
      decisions: v.decisions.map((text) => ({ text: text.trim() })).filter((d) => d.text.length > 0),
      snapshotId: v.snapshotId,
      annualReportId: v.annualReportId,
    };
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.errors.set([]);
    this.conflict.set(false);
    try {
      const id = this.id();
      const existing = this.existing.hasValue() ? this.existing.value() : undefined;
      const saved =
        id && existing
          ? await firstValueFrom(this.api.update(existing, this.body()))
          : await firstValueFrom(this.api.create(this.body()));
      this.snackBar.open('Réunion enregistrée.', 'Fermer', { duration: 5000 });
      void this.router.navigate(['/comites', saved.id]);
    } catch (error) {
      if (isVersionConflict(error)) this.conflict.set(true);
      else this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }
}
