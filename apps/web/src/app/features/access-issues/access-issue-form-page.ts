import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  ACCESS_ISSUE_CATEGORIES,
  ACCESS_ISSUE_CATEGORY_LABELS,
  ACCESS_ISSUE_SOURCE_LABELS,
  ACCESS_ISSUE_SOURCES,
  SEVERITIES,
  SEVERITY_LABELS,
  type AccessIssueCategory,
  type AccessIssueInput,
  type AccessIssueSource,
  type Page,
  type Severity,
  type SiteSummary,
} from '@maillage/shared/domain';
import { debounceTime, firstValueFrom, map } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { toIsoDate } from '../accreditations/accreditations-api';
import { ACCESS_ISSUES_PATH, AccessIssuesApi } from './access-issues-api';

type SiteOption = Pick<SiteSummary, 'id' | 'name' | 'communeName'>;

/** Reports an issue (mission officer) or proposes one (CDOM: source « CDOM », status « Ouverte »). */
@Component({
  selector: 'app-access-issue-form-page',
  imports: [
    MatAutocompleteModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './access-issue-form-page.html',
  styleUrl: './access-issue-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessIssueFormPage {
  private readonly api = inject(AccessIssuesApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  /** `?terrain=` : the site, when reported from its page. */
  readonly terrain = input<string>();

  protected readonly isCdom = computed(() => this.auth.hasRole('cdom'));
  protected readonly title = computed(() => (this.isCdom() ? 'Proposer une difficulté' : 'Signaler une difficulté'));
  protected readonly categories = ACCESS_ISSUE_CATEGORIES;
  protected readonly categoryLabels = ACCESS_ISSUE_CATEGORY_LABELS;
  protected readonly severities = SEVERITIES;
  protected readonly severityLabels = SEVERITY_LABELS;
  protected readonly sources = ACCESS_ISSUE_SOURCES;
  protected readonly sourceLabels = ACCESS_ISSUE_SOURCE_LABELS;
  protected readonly path = ACCESS_ISSUES_PATH;
  protected readonly today = new Date(new Date().setHours(0, 0, 0, 0));

  protected readonly form = new FormGroup({
    site: new FormControl<SiteOption | string | null>(null, Validators.required),
    category: new FormControl<AccessIssueCategory | null>(null, Validators.required),
    severity: new FormControl<Severity | null>(null, Validators.required),
    source: new FormControl<AccessIssueSource | null>('visit'),
    raisedOn: new FormControl<Date | null>(this.today, Validators.required),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(10), Validators.maxLength(4000)],
    }),
  });

  private readonly siteText = toSignal(
    this.form.controls.site.valueChanges.pipe(
      map((v) => (typeof v === 'string' ? v.trim() : null)),
      debounceTime(250),
    ),
    { initialValue: null },
  );
  private readonly siteSearch = httpResource<Page<SiteSummary>>(() => {
    const q = this.siteText();
    return q ? { url: '/api/sites', params: { q, pageSize: 10 } } : undefined;
  });
  protected readonly siteOptions = computed(() => (this.siteSearch.hasValue() ? this.siteSearch.value().items : []));
  private readonly preset = httpResource<SiteSummary>(() => {
    const id = this.terrain();
    return id ? `/api/sites/${id}` : undefined;
  });

  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);
  protected readonly displaySite = (site: SiteOption | string | null) =>
    site && typeof site === 'object' ? `${site.name} (${site.communeName})` : (site ?? '');

  constructor() {
    effect(() => {
      if (this.preset.hasValue() && this.form.controls.site.value === null) {
        const s = this.preset.value();
        this.form.controls.site.setValue({ id: s.id, name: s.name, communeName: s.communeName });
      }
    });
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const site = this.form.controls.site.value;
    if (typeof site === 'string') this.form.controls.site.setErrors({ notChosen: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: AccessIssueInput = {
      siteId: (site as SiteOption).id,
      category: v.category as AccessIssueCategory,
      severity: v.severity as Severity,
      description: v.description.trim(),
      raisedOn: toIsoDate(v.raisedOn as Date),
    };
    if (!this.isCdom() && v.source) body.source = v.source;
    this.pending.set(true);
    this.errors.set([]);
    try {
      const created = await firstValueFrom(this.api.create(body));
      this.snackBar.open(this.isCdom() ? 'Difficulté proposée.' : 'Difficulté enregistrée.', 'Fermer', {
        duration: 5000,
      });
      void this.router.navigate([ACCESS_ISSUES_PATH, created.id]);
    } catch (error) {
      this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }
}
