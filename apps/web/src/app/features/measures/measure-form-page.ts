import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChipsModule } from '@angular/material/chips';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  type AccessIssueSummary,
  MEASURE_STATUS_LABELS,
  MEASURE_STATUSES,
  MEASURE_TYPE_LABELS,
  MEASURE_TYPES,
  type MeasureDetail,
  type MeasureIndicator,
  type MeasureInput,
  type MeasureStatus,
  type MeasureType,
  type Page,
  type SiteSummary,
} from '@maillage/shared/domain';
import { DATE_FIELD, FORM_PAGE } from '@maillage/web/ui';
import { formSubmission, fromIsoDate, textOrNull, toIsoDate } from '@maillage/web/util';
import { debounceTime, map } from 'rxjs';
import { SITES_URL } from '../sites';
import { MEASURE_CONFLICT_MESSAGE, MEASURES_URL, MeasuresApi } from './measures-api';

interface Linked {
  id: string;
  label: string;
}

const indicatorGroup = (i?: MeasureIndicator) =>
  new FormGroup({
    name: new FormControl(i?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    target: new FormControl<number | null>(i?.target ?? null),
    value: new FormControl<number | null>(i?.value ?? null),
    unit: new FormControl(i?.unit ?? '', { nonNullable: true, validators: Validators.maxLength(30) }),
  });

/** Creates or edits a support measure (mission officer and admin; the API checks it too). */
@Component({
  selector: 'app-measure-form-page',
  imports: [FORM_PAGE, MatAutocompleteModule, MatChipsModule, DATE_FIELD, MatSelectModule],
  templateUrl: './measure-form-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeasureFormPage {
  private readonly api = inject(MeasuresApi);
  private readonly router = inject(Router);

  /** Route parameter when editing. */
  readonly id = input<string>();

  protected readonly types = MEASURE_TYPES;
  protected readonly typeLabels = MEASURE_TYPE_LABELS;
  protected readonly statuses = MEASURE_STATUSES;
  protected readonly statusLabels = MEASURE_STATUS_LABELS;

  protected readonly existing = httpResource<MeasureDetail>(() => {
    const id = this.id();
    return id ? `${MEASURES_URL}/${id}` : undefined;
  });
  protected readonly title = computed(() =>
    this.id() ? `Modifier ${this.existing.hasValue() ? this.existing.value().name : 'la mesure'}` : 'Nouvelle mesure',
  );

  protected readonly form = new FormGroup({
    type: new FormControl<MeasureType | null>(null, Validators.required),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    description: new FormControl('', { nonNullable: true, validators: Validators.maxLength(4000) }),
    budgetPlanned: new FormControl<number | null>(0, [Validators.min(0)]),
    budgetCommitted: new FormControl<number | null>(0, [Validators.min(0)]),
    startDate: new FormControl<Date | null>(null),
    endDate: new FormControl<Date | null>(null),
    status: new FormControl<MeasureStatus>('planned', { nonNullable: true }),
    indicators: new FormArray<ReturnType<typeof indicatorGroup>>([]),
  });
  protected readonly sites = signal<Linked[]>([]);
  protected readonly issues = signal<Linked[]>([]);

  protected readonly siteSearch = new FormControl<string | SiteSummary>('', { nonNullable: true });
  protected readonly issueSearch = new FormControl<string | AccessIssueSummary>('', { nonNullable: true });
  private readonly siteQ = this.query(this.siteSearch);
  private readonly issueQ = this.query(this.issueSearch);
  private readonly siteFound = httpResource<Page<SiteSummary>>(() =>
    this.siteQ() ? { url: SITES_URL, params: { q: this.siteQ(), pageSize: 10 } } : undefined,
  );
  private readonly issueFound = httpResource<Page<AccessIssueSummary>>(() =>
    this.issueQ() ? { url: '/api/access-issues', params: { q: this.issueQ(), pageSize: 10 } } : undefined,
  );
  protected readonly siteOptions = computed(() => (this.siteFound.hasValue() ? this.siteFound.value().items : []));
  protected readonly issueOptions = computed(() => (this.issueFound.hasValue() ? this.issueFound.value().items : []));

  protected readonly submission = formSubmission(this.form, {
    conflictMessage: MEASURE_CONFLICT_MESSAGE,
    labels: { 'indicators.*.name': 'Indicateur {n}' },
  });
  protected readonly backLink = computed(() => {
    const id = this.id();
    return id ? ['/mesures', id] : ['/mesures'];
  });
  protected readonly displayNothing = () => '';

  constructor() {
    effect(() => {
      if (this.existing.hasValue()) this.fill(this.existing.value());
    });
  }

  private query(control: FormControl<string | object>) {
    return toSignal(
      control.valueChanges.pipe(
        map((v) => (typeof v === 'string' ? v.trim() : '')),
        debounceTime(250),
      ),
      { initialValue: '' },
    );
  }

  private fill(m: MeasureDetail): void {
    this.form.patchValue({
      type: m.type,
      name: m.name,
      description: m.description ?? '',
      budgetPlanned: m.budgetPlanned,
      budgetCommitted: m.budgetCommitted,
      startDate: m.startDate ? fromIsoDate(m.startDate) : null,
      endDate: m.endDate ? fromIsoDate(m.endDate) : null,
      status: m.status,
    });
    this.form.controls.indicators.clear();
    for (const i of m.indicators) this.form.controls.indicators.push(indicatorGroup(i));
    this.sites.set(m.sites.map((s) => ({ id: s.id, label: `${s.name} (${s.communeName})` })));
    this.issues.set(
      m.issues.map((i) => ({ id: i.id, label: `${i.siteName} — ${ACCESS_ISSUE_CATEGORY_LABELS[i.category]}` })),
    );
  }

  protected addIndicator(): void {
    this.form.controls.indicators.push(indicatorGroup());
  }

  protected removeIndicator(index: number): void {
    this.form.controls.indicators.removeAt(index);
  }

  protected pickSite(event: MatAutocompleteSelectedEvent): void {
    const s = event.option.value as SiteSummary;
    if (!this.sites().some((x) => x.id === s.id))
      this.sites.update((l) => [...l, { id: s.id, label: `${s.name} (${s.communeName})` }]);
    this.siteSearch.setValue('');
  }

  protected pickIssue(event: MatAutocompleteSelectedEvent): void {
    const i = event.option.value as AccessIssueSummary;
    if (!this.issues().some((x) => x.id === i.id)) {
      this.issues.update((l) => [
        ...l,
        { id: i.id, label: `${i.site.name} — ${ACCESS_ISSUE_CATEGORY_LABELS[i.category]}` },
      ]);
    }
    this.issueSearch.setValue('');
  }

  protected unlink(list: 'sites' | 'issues', id: string): void {
    this[list].update((l) => l.filter((x) => x.id !== id));
  }

  protected issueLabel(i: AccessIssueSummary): string {
    return `${i.site.name} — ${ACCESS_ISSUE_CATEGORY_LABELS[i.category]}`;
  }

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    const body: MeasureInput = {
      type: v.type as MeasureType,
      name: v.name.trim(),
      description: textOrNull(v.description),
      budgetPlanned: v.budgetPlanned ?? 0,
      budgetCommitted: v.budgetCommitted ?? 0,
      startDate: v.startDate ? toIsoDate(v.startDate) : null,
      endDate: v.endDate ? toIsoDate(v.endDate) : null,
      status: v.status,
      indicators: v.indicators.map((i) => ({
        name: i.name.trim(),
        target: i.target,
        value: i.value,
        unit: textOrNull(i.unit),
      })),
      siteIds: this.sites().map((s) => s.id),
      issueIds: this.issues().map((i) => i.id),
    };
    const id = this.id();
    await this.submission.submit(
      () => (id ? this.api.update(id, (this.existing.value() as MeasureDetail).version, body) : this.api.create(body)),
      { success: 'Mesure enregistrée.', then: (saved) => this.router.navigate(['/mesures', saved.id]) },
    );
  }
}
