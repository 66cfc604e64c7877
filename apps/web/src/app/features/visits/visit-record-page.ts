import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatListModule } from '@angular/material/list';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  ACCESS_ISSUE_CATEGORIES,
  ACCESS_ISSUE_CATEGORY_LABELS,
  type AccessIssueCategory,
  CHECKLIST_ANSWER_LABELS,
  CHECKLIST_ANSWERS,
  type ChecklistAnswer,
  SEVERITIES,
  type Severity,
  SEVERITY_LABELS,
  type SiteRecord,
  type SiteVisitDetail,
  VISIT_CHECKLIST_ITEMS,
  VISIT_CHECKLIST_LABELS,
  type VisitChecklistItem,
} from '@maillage/shared/domain';
import { catchError, firstValueFrom, of } from 'rxjs';
import { errorMessages, httpStatus } from '../../core/http/api-error';
import { SITES_URL } from '../sites/sites-api';
import { longDate } from './calendar-month';
import { buildRecordPayload, participantCandidates, participantKey, type RecordFormValue } from './record-form';
import { fromIsoDate, isVersionConflict, toIsoDate, VISIT_CONFLICT_MESSAGE, VISITS_URL, VisitsApi } from './visits-api';

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

/** `/visites/:id/compte-rendu`: records a planned visit (`POST /api/site-visits/:id/record`). */
@Component({
  selector: 'app-visit-record-page',
  imports: [
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatListModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './visit-record-page.html',
  styleUrls: ['./visit-forms.scss', './visit-record-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitRecordPage {
  private readonly api = inject(VisitsApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter. */
  readonly id = input.required<string>();

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
  protected readonly loadError = computed(() => {
    const error = this.visit.error();
    if (!error) return null;
    return httpStatus(error) === 404 ? 'Cette visite est introuvable.' : errorMessages(error).join(' ');
  });

  protected readonly items = VISIT_CHECKLIST_ITEMS;
  protected readonly itemLabels = VISIT_CHECKLIST_LABELS;
  protected readonly answers = CHECKLIST_ANSWERS;
  protected readonly answerLabels = CHECKLIST_ANSWER_LABELS;
  protected readonly categories = ACCESS_ISSUE_CATEGORIES;
  protected readonly categoryLabels = ACCESS_ISSUE_CATEGORY_LABELS;
  protected readonly severities = SEVERITIES;
  protected readonly severityLabels = SEVERITY_LABELS;
  protected readonly conflictMessage = VISIT_CONFLICT_MESSAGE;
  protected readonly longDate = longDate;
  protected readonly today = new Date();

  protected readonly form = new FormGroup({
    visitedOn: new FormControl<Date | null>(null),
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
    findings: new FormControl('', { nonNullable: true }),
    nextVisitOn: new FormControl<Date | null>(null),
    issues: new FormArray<ReturnType<typeof issueGroup>>([]),
    actions: new FormArray<ReturnType<typeof actionGroup>>([]),
  });

  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);
  protected readonly conflict = signal(false);
  private initialised = false;

  constructor() {
    // Fills the form once from the plan; a reload after a 409 keeps what was typed.
    effect(() => {
      const v = this.record();
      if (!v || this.initialised) return;
      this.initialised = true;
      untracked(() => {
        const planned = fromIsoDate(v.plannedOn);
        this.form.patchValue({
          visitedOn: planned <= this.today ? planned : null,
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

  protected reload(): void {
    this.conflict.set(false);
    this.visit.reload();
  }

  protected async submit(): Promise<void> {
    const v = this.record();
    if (!v || this.pending()) return;
    const problems: string[] = [];
    if (!this.form.controls.visitedOn.value)
      problems.push('Date de la visite : saisissez une date au format jj/mm/aaaa.');
    if (this.form.controls.findings.value.trim() === '') problems.push('Constats : décrivez ce qui a été observé.');
    if (problems.length > 0) {
      this.errors.set(problems);
      this.focusErrors();
      return;
    }
    const payload = buildRecordPayload(this.form.getRawValue() as RecordFormValue, v.version, this.candidates());
    this.pending.set(true);
    this.errors.set([]);
    this.conflict.set(false);
    try {
      const saved = await firstValueFrom(this.api.record(v.id, payload));
      const issues = saved.accessIssues.length;
      this.snackBar.open(
        `Compte rendu enregistré${issues ? ` : ${issues} difficulté${issues > 1 ? 's' : ''} d’accès créée${issues > 1 ? 's' : ''}` : ''}.`,
        'Fermer',
        { duration: 5000 },
      );
      void this.router.navigate(['/visites', saved.id]);
    } catch (error) {
      if (isVersionConflict(error)) this.conflict.set(true);
      else this.errors.set(errorMessages(error));
      this.focusErrors();
    } finally {
      this.pending.set(false);
    }
  }

  protected iso(date: Date): string {
    return toIsoDate(date);
  }

  private focusErrors(): void {
    setTimeout(() => document.querySelector<HTMLElement>('#record-errors')?.focus());
  }
}
