import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
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
import { DATE_FIELD, FORM_PAGE } from '@maillage/web/ui';
import { formSubmission, frenchDate, fromIsoDate, textOrNull, toIsoDate } from '@maillage/web/util';
import { OFFER_SNAPSHOTS_URL } from '../offer-snapshots';
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
  imports: [FORM_PAGE, MatCheckboxModule, DATE_FIELD, MatSelectModule],
  templateUrl: './meeting-form-page.html',
  styleUrl: './meeting-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingFormPage {
  private readonly api = inject(CommitteesApi);
  private readonly router = inject(Router);

  /** Route parameter when editing. */
  readonly id = input<string>();

  protected readonly kinds = COMMITTEE_KINDS;
  protected readonly kindLabels = COMMITTEE_KIND_LABELS;
  protected readonly statuses = MEETING_STATUSES;
  protected readonly statusLabels = MEETING_STATUS_LABELS;
  protected readonly organisations = ORGANISATIONS;
  protected readonly organisationLabels = ORGANISATION_LABELS;

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

  protected readonly submission = formSubmission(this.form, {
    conflictMessage: MEETING_CONFLICT_MESSAGE,
    labels: { 'attendees.*.name': 'Participant {n}', 'decisions.*': 'Décision {n}' },
    fields: { 'decisions.*.text': 'decisions.*' },
  });
  protected readonly backLink = computed(() => {
    const id = this.id();
    return id ? ['/comites', id] : ['/comites'];
  });

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
    return `${s.title} (${frenchDate(s.takenOn)})`;
  }

  /** The body sent to the API, from the form's current values. */
  protected body(): CommitteeMeetingInput {
    const v = this.form.getRawValue();
    return {
      kind: v.kind as CommitteeKind,
      status: v.status,
      heldOn: toIsoDate(v.heldOn as Date),
      title: v.title.trim(),
      location: textOrNull(v.location),
      attendees: v.attendees.map((a) => ({
        name: a.name.trim(),
        organisation: a.organisation,
        title: textOrNull(a.title),
        present: a.present,
      })),
      agenda: textOrNull(v.agenda),
      minutes: textOrNull(v.minutes),
      decisions: v.decisions.map((text) => ({ text: text.trim() })).filter((d) => d.text.length > 0),
      snapshotId: v.snapshotId,
      annualReportId: v.annualReportId,
    };
  }

  protected async submit(): Promise<void> {
    const existing = this.id() && this.existing.hasValue() ? this.existing.value() : undefined;
    await this.submission.submit(
      () => (existing ? this.api.update(existing, this.body()) : this.api.create(this.body())),
      { success: 'Réunion enregistrée.', then: (saved) => this.router.navigate(['/comites', saved.id]) },
    );
  }
}
