import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import {
  ACCESS_ISSUE_CATEGORIES,
  ACCESS_ISSUE_CATEGORY_LABELS,
  type AccessIssueCategory,
  CHECKLIST_ANSWER_LABELS,
  CHECKLIST_ANSWERS,
  type ChecklistAnswer,
  SEVERITIES,
  type Severity,
  type SiteRecord,
  type SiteVisitDetail,
  VISIT_CHECKLIST_ITEMS,
  VISIT_CHECKLIST_LABELS,
  type VisitChecklistItem,
} from '@maillage/shared/domain';
import { DATE_FIELD, FORM_PAGE } from '@maillage/web/ui';
import { formSubmission, fromIsoDate, toIsoDate } from '@maillage/web/util';
import { catchError, of } from 'rxjs';
import { severityName } from '../access-issues';
import { SITES_URL } from '../sites';
import { longDate } from './calendar-month';
import { ParticipantList } from './participant-list';
import { buildRecordPayload, participantCandidates, participantKey, type RecordFormValue } from './record-form';
import { VISIT_CONFLICT_MESSAGE, VISITS_URL, VisitsApi } from './visits-api';

/** Required, and not only spaces. */
const notBlank = Validators.pattern(/\S/);

type ChecklistGroup = FormGroup<{
  answer: FormControl<ChecklistAnswer | null>;
  comment: FormControl<string>;
}>;

function issueGroup() {
  return new FormGroup({
    category: new FormControl<AccessIssueCategory | null>(null),
    severity: new FormControl<Severity | null>(2),
    description: new FormControl('', { nonNullable: true }),
  });
}

function actionGroup() {
  return new FormGroup({
    title: new FormControl('', { nonNullable: true }),
    ownerId: new FormControl<string | null>(null),
    ownerLabel: new FormControl('', { nonNullable: true }),
    dueOn: new FormControl<Date | null>(null),
  });
}

/**
 * `/visites/:id/compte-rendu`: records a planned visit (`POST /api/site-visits/:id/record`).
 * `/visites/:id/corriger` (`mode` = `correct`): corrects a recorded one, with a reason
 * (`POST /api/site-visits/:id/correct`); its issues and actions are corrected on their own pages.
 */
@Component({
  selector: 'app-visit-record-page',
  imports: [FORM_PAGE, DATE_FIELD, MatRadioModule, MatSelectModule, ParticipantList],
  templateUrl: './visit-record-page.html',
  styleUrls: ['./visit-forms.scss', './visit-record-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitRecordPage {
  private readonly api = inject(VisitsApi);
  private readonly router = inject(Router);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Route data: `correct` on `/visites/:id/corriger`. */
  readonly mode = input<'record' | 'correct'>('record');
  protected readonly correcting = computed(() => this.mode() === 'correct');

  protected readonly visit = httpResource<SiteVisitDetail>(() => `${VISITS_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.visit.hasValue() ? this.visit.value() : undefined));
  protected readonly site = httpResource<SiteRecord>(() => {
    const id = this.record()?.site.id;
    return id ? `${SITES_URL}/${id}` : undefined;
  });
  protected readonly colleagues = toSignal(this.api.colleagues().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly candidates = computed(() =>
    participantCandidates(
      this.colleagues(),
      this.site.hasValue() ? this.site.value() : undefined,
      this.record()?.participants ?? [],
    ),
  );
  protected readonly subtitle = computed(() => {
    const v = this.record();
    if (!v) return null;
    const when = v.visitedOn ? `visite du ${longDate(v.visitedOn)}` : `visite prévue le ${longDate(v.plannedOn)}`;
    return `${v.site.name} (${v.site.communeName}) · ${when}`;
  });

  protected readonly items = VISIT_CHECKLIST_ITEMS;
  protected readonly itemLabels = VISIT_CHECKLIST_LABELS;
  protected readonly answers = CHECKLIST_ANSWERS;
  protected readonly answerLabels = CHECKLIST_ANSWER_LABELS;
  protected readonly categories = ACCESS_ISSUE_CATEGORIES;
  protected readonly categoryLabels = ACCESS_ISSUE_CATEGORY_LABELS;
  protected readonly severities = SEVERITIES;
  protected readonly severityName = severityName;
  protected readonly longDate = longDate;
  protected readonly today = new Date();

  protected readonly form = new FormGroup({
    visitedOn: new FormControl<Date | null>(null, Validators.required),
    participants: new FormControl<string[]>([], { nonNullable: true }),
    otherParticipants: new FormControl('', { nonNullable: true }),
    checklist: new FormGroup(
      Object.fromEntries(
        VISIT_CHECKLIST_ITEMS.map((item) => [
          item,
          new FormGroup({
            answer: new FormControl<ChecklistAnswer | null>(null),
            comment: new FormControl('', { nonNullable: true }),
          }),
        ]),
      ) as Record<VisitChecklistItem, ChecklistGroup>,
    ),
    findings: new FormControl('', { nonNullable: true, validators: [Validators.required, notBlank] }),
    nextVisitOn: new FormControl<Date | null>(null),
    issues: new FormArray<ReturnType<typeof issueGroup>>([]),
    actions: new FormArray<ReturnType<typeof actionGroup>>([]),
    reason: new FormControl('', { nonNullable: true }),
  });

  /** The API names nested fields by their path (`actions.0.ownerLabel`): each has its label here. */
  protected readonly submission = formSubmission(this.form, {
    conflictMessage: `${VISIT_CONFLICT_MESSAGE} Votre saisie est conservée.`,
    fields: { 'participants.*.name': 'otherParticipants', participants: 'otherParticipants' },
    labels: {
      'issues.*.category': 'Catégorie de la difficulté {n}',
      'issues.*.severity': 'Gravité de la difficulté {n}',
      'issues.*.description': 'Description de la difficulté {n}',
      'actions.*.title': 'Intitulé de l’action {n}',
      'actions.*.ownerId': 'Responsable de l’action {n}',
      'actions.*.ownerLabel': 'Responsable de l’action {n}',
      'actions.*.dueOn': 'Échéance de l’action {n}',
    },
  });
  protected readonly messages = {
    visitedOn: {
      required: 'Saisissez la date de la visite (jj/mm/aaaa).',
      matDatepickerParse: 'Saisissez la date de la visite (jj/mm/aaaa).',
      matDatepickerMax: 'La visite ne peut pas être dans le futur.',
    },
    findings: { required: 'Décrivez ce qui a été observé.', pattern: 'Décrivez ce qui a été observé.' },
    reason: {
      required: 'Dites pourquoi le compte rendu est corrigé.',
      pattern: 'Dites pourquoi le compte rendu est corrigé.',
      minlength: 'Le motif compte 3 caractères au moins.',
    },
  };
  private initialised = false;

  constructor() {
    // Fills the form once from the plan; a reload after a 409 keeps what was typed.
    effect(() => {
      const v = this.record();
      if (!v || this.initialised) return;
      this.initialised = true;
      untracked(() => {
        const planned = fromIsoDate(v.plannedOn);
        if (this.correcting()) this.fillFromRecord(v);
        this.form.patchValue({
          visitedOn: v.visitedOn ? fromIsoDate(v.visitedOn) : planned <= this.today ? planned : null,
          participants: v.participants
            .filter((p) => p.userId || p.professionalId)
            .map((p) =>
              participantKey(
                p.userId
                  ? { kind: p.kind, userId: p.userId }
                  : { kind: p.kind, professionalId: p.professionalId ?? '' },
              ),
            ),
          otherParticipants: v.participants
            .filter((p) => !p.userId && !p.professionalId)
            .map((p) => p.name)
            .join('\n'),
        });
      });
    });
  }

  /** A correction starts from what was recorded; the reason is required. */
  private fillFromRecord(v: SiteVisitDetail): void {
    this.form.controls.reason.setValidators([Validators.required, notBlank, Validators.minLength(3)]);
    this.form.patchValue({
      findings: v.findings ?? '',
      nextVisitOn: v.nextVisitOn ? fromIsoDate(v.nextVisitOn) : null,
    });
    for (const item of VISIT_CHECKLIST_ITEMS) {
      const entry = v.checklist[item];
      if (entry) this.checklistGroup(item).setValue({ answer: entry.answer, comment: entry.comment ?? '' });
    }
  }

  protected checklistGroup(item: VisitChecklistItem): ChecklistGroup {
    return this.form.controls.checklist.controls[item];
  }

  protected addIssue(): void {
    this.form.controls.issues.push(issueGroup());
  }

  protected removeIssue(index: number): void {
    this.form.controls.issues.removeAt(index);
  }

  protected addAction(): void {
    this.form.controls.actions.push(actionGroup());
  }

  protected removeAction(index: number): void {
    this.form.controls.actions.removeAt(index);
  }

  protected async submit(): Promise<void> {
    const v = this.record();
    if (!v) return;
    const payload = buildRecordPayload(this.form.getRawValue() as RecordFormValue, v.version, this.candidates());
    if (this.correcting()) {
      const { issues: _issues, actions: _actions, ...record } = payload;
      await this.submission.submit(
        () => this.api.correct(v.id, { ...record, reason: this.form.controls.reason.value.trim() }),
        {
          success: 'Compte rendu corrigé : la correction est dans l’historique.',
          then: (saved) => this.router.navigate(['/visites', saved.id]),
        },
      );
      return;
    }
    await this.submission.submit(() => this.api.record(v.id, payload), {
      success: (visit) => {
        const issues = visit.accessIssues.length;
        const created = issues
          ? ` : ${issues} difficulté${issues > 1 ? 's' : ''} d’accès créée${issues > 1 ? 's' : ''}`
          : '';
        return `Compte rendu enregistré${created}.`;
      },
      then: (saved) => this.router.navigate(['/visites', saved.id]),
    });
  }

  protected iso(date: Date): string {
    return toIsoDate(date);
  }
}
