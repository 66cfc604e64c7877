import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import {
  type CommuneSummary,
  SITE_KIND_LABELS,
  SITE_KINDS,
  SITE_STATUS_LABELS,
  SITE_STATUSES,
  type SiteCapacity,
  type SiteKind,
  type SiteRecord,
  type SiteStatus,
} from '@maillage/shared/domain';
import { FORM_PAGE, Notifications } from '@maillage/web/ui';
import { formSubmission } from '@maillage/web/util';
import { CommunePicker } from '../../shared/commune-picker/commune-picker';
import { CapacityEditor } from './capacity-editor';
import {
  coordinatesValidator,
  EMPTY_SITE_FORM,
  formValueOf,
  POSTAL_CODE,
  siretValidator,
  siteInputOf,
} from './site-form';
import { SITE_CONFLICT_MESSAGE, SITES_URL, SitesApi } from './sites-api';

/** Creates a site (`/terrains/nouveau`) or edits one (`/terrains/:id/modifier`). */
@Component({
  selector: 'app-site-form-page',
  imports: [FORM_PAGE, CapacityEditor, CommunePicker, MatCheckboxModule, MatSelectModule],
  templateUrl: './site-form-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteFormPage {
  private readonly api = inject(SitesApi);
  private readonly router = inject(Router);
  private readonly notifications = inject(Notifications);
  private readonly fb = inject(NonNullableFormBuilder);

  /** Route parameter: absent when creating. */
  readonly id = input<string>();

  protected readonly kinds = SITE_KINDS;
  protected readonly kindLabels = SITE_KIND_LABELS;
  protected readonly statuses = SITE_STATUSES;
  protected readonly statusLabels = SITE_STATUS_LABELS;
  protected readonly siretErrors = {
    siretFormat: 'Le SIRET compte 14 chiffres.',
    siretKey: 'Ce SIRET n’est pas valide (clé de contrôle) : vérifiez la saisie.',
  };

  protected readonly form = this.fb.group(
    {
      name: [EMPTY_SITE_FORM.name, [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
      kind: this.fb.control<SiteKind | null>(null, Validators.required),
      status: this.fb.control<SiteStatus>(EMPTY_SITE_FORM.status, Validators.required),
      siret: [EMPTY_SITE_FORM.siret, siretValidator],
      addressLine1: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
      addressLine2: ['', Validators.maxLength(200)],
      communeCode: this.fb.control<string | null>(null, Validators.required),
      postalCode: ['', [Validators.required, Validators.pattern(POSTAL_CODE)]],
      latitude: this.fb.control<number | null>(null, [Validators.min(-90), Validators.max(90)]),
      longitude: this.fb.control<number | null>(null, [Validators.min(-180), Validators.max(180)]),
      housingOnSite: [false],
      housingNearby: [false],
      publicTransport: [false],
      parking: [false],
      distanceToChuKm: this.fb.control<number | null>(null, [Validators.min(0), Validators.max(1000)]),
      notes: ['', Validators.maxLength(4000)],
      capacities: this.fb.control<SiteCapacity[]>([]),
    },
    { validators: coordinatesValidator },
  );

  /** The site being edited, read from the API (nothing when creating). */
  protected readonly site = httpResource<SiteRecord>(() => {
    const id = this.id();
    return id ? `${SITES_URL}/${id}` : undefined;
  });
  private readonly current = computed(() => (this.site.hasValue() ? this.site.value() : undefined));
  protected readonly editing = computed(() => this.id() !== undefined);
  protected readonly archived = computed(() => !!this.current()?.archivedAt);
  protected readonly title = computed(() =>
    this.editing() ? `Modifier ${this.current()?.name ?? 'le terrain'}` : 'Nouveau terrain',
  );
  protected readonly backLink = computed(() => {
    const id = this.id();
    return id ? ['/terrains', id] : ['/terrains'];
  });

  protected readonly submission = formSubmission(this.form, { conflictMessage: SITE_CONFLICT_MESSAGE });
  /** Postal codes of the chosen commune, proposed in the hint. */
  protected readonly postalCodes = signal<string[]>([]);

  constructor() {
    // Editing: nothing to type in until the site is read; then the form takes it as read
    // (again after "Recharger la fiche"). An archived site stays read-only.
    effect(() => {
      const editing = this.editing();
      const site = this.current();
      untracked(() => {
        if (editing && !site) {
          this.form.disable();
          return;
        }
        if (!site) return;
        this.form.reset(formValueOf(site));
        if (site.archivedAt) this.form.disable();
        else this.form.enable();
      });
    });
  }

  protected onCommune(commune: CommuneSummary | null): void {
    this.postalCodes.set(commune?.postalCodes ?? []);
    const postal = this.form.controls.postalCode;
    if (commune && commune.postalCodes.length === 1 && !postal.value) postal.setValue(commune.postalCodes[0]);
  }

  protected async submit(): Promise<void> {
    const site = this.current();
    if (site && this.form.valid && this.form.pristine) {
      this.notifications.done('Aucune modification à enregistrer.');
      await this.router.navigate(['/terrains', site.id]);
      return;
    }
    const body = siteInputOf(this.form.getRawValue());
    await this.submission.submit(() => (site ? this.api.update(site.id, site.version, body) : this.api.create(body)), {
      success: site ? 'Terrain enregistré.' : 'Terrain créé.',
      then: (saved) => {
        this.form.markAsPristine();
        return this.router.navigate(['/terrains', saved.id]);
      },
    });
  }
}
