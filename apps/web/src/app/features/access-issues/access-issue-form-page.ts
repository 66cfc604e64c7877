import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { Router } from '@angular/router';
import {
  ACCESS_ISSUE_CATEGORIES,
  ACCESS_ISSUE_CATEGORY_LABELS,
  ACCESS_ISSUE_SOURCE_LABELS,
  ACCESS_ISSUE_SOURCES,
  SEVERITIES,
  type AccessIssueCategory,
  type AccessIssueInput,
  type AccessIssueSource,
  type Page,
  type Severity,
  type SiteSummary,
} from '@maillage/shared/domain';
import { DATE_FIELD, FORM_PAGE } from '@maillage/web/ui';
import { formSubmission, toIsoDate } from '@maillage/web/util';
import { debounceTime, map } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { SITES_URL } from '../sites';
import { ACCESS_ISSUES_PATH, AccessIssuesApi } from './access-issues-api';
import { severityName } from './issue-badges';

type SiteOption = Pick<SiteSummary, 'id' | 'name' | 'communeName'>;

/** Reports an issue (mission officer) or proposes one (CDOM: source « CDOM », status « Ouverte »). */
@Component({
  selector: 'app-access-issue-form-page',
  imports: [FORM_PAGE, MatAutocompleteModule, DATE_FIELD],
  templateUrl: './access-issue-form-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessIssueFormPage {
  private readonly api = inject(AccessIssuesApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  /** `?terrain=` : the site, when reported from its page. */
  readonly terrain = input<string>();

  /** The CDOM proposes (source « CDOM », status « Ouverte »); those who handle issues report them. */
  protected readonly proposes = computed(() => !this.auth.can('accessIssues.handle'));
  protected readonly title = computed(() => (this.proposes() ? 'Proposer une difficulté' : 'Signaler une difficulté'));
  protected readonly lead = computed(() =>
    this.proposes()
      ? 'Votre proposition est enregistrée avec la source « CDOM » ; la chargée de mission la qualifie et la traite.'
      : 'Ce qui empêche les internes de venir, ou de bien travailler, sur un terrain.',
  );
  protected readonly categories = ACCESS_ISSUE_CATEGORIES;
  protected readonly categoryLabels = ACCESS_ISSUE_CATEGORY_LABELS;
  protected readonly severities = SEVERITIES;
  protected readonly severityName = severityName;
  protected readonly sources = ACCESS_ISSUE_SOURCES;
  protected readonly sourceLabels = ACCESS_ISSUE_SOURCE_LABELS;
  protected readonly path = ACCESS_ISSUES_PATH;
  protected readonly today = new Date(new Date().setHours(0, 0, 0, 0));
  protected readonly descriptionError = 'Décrivez la difficulté (10 caractères au moins).';
  protected readonly dateErrors = {
    required: 'Saisissez une date valide, pas dans le futur.',
    matDatepickerParse: 'Saisissez une date valide, pas dans le futur.',
    matDatepickerMax: 'Saisissez une date valide, pas dans le futur.',
  };

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
    return q ? { url: SITES_URL, params: { q, pageSize: 10 } } : undefined;
  });
  protected readonly siteOptions = computed(() => (this.siteSearch.hasValue() ? this.siteSearch.value().items : []));
  private readonly preset = httpResource<SiteSummary>(() => {
    const id = this.terrain();
    return id ? `${SITES_URL}/${id}` : undefined;
  });

  protected readonly submission = formSubmission(this.form, { fields: { siteId: 'site' } });
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
    const site = this.form.controls.site.value;
    if (typeof site === 'string') this.form.controls.site.setErrors({ notChosen: true });
    const v = this.form.getRawValue();
    await this.submission.submit(
      () => {
        const body: AccessIssueInput = {
          siteId: (site as SiteOption).id,
          category: v.category as AccessIssueCategory,
          severity: v.severity as Severity,
          description: v.description.trim(),
          raisedOn: toIsoDate(v.raisedOn as Date),
        };
        if (!this.proposes() && v.source) body.source = v.source;
        return this.api.create(body);
      },
      {
        success: this.proposes() ? 'Difficulté proposée.' : 'Difficulté enregistrée.',
        then: (created) => this.router.navigate([ACCESS_ISSUES_PATH, created.id]),
      },
    );
  }
}
