import { httpResource } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
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
import { firstValueFrom } from 'rxjs';
import { errorMessages } from '../../core/http/api-error';
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
import { isVersionConflict, SITE_CONFLICT_MESSAGE, SITES_URL, SitesApi } from './sites-api';

/** Creates a site (`/terrains/nouveau`) or edits one (`/terrains/:id/modifier`). */
@Component({
  selector: 'app-site-form-page',
  imports: [
    CapacityEditor,
    CommunePicker,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './site-form-page.html',
  styleUrl: './site-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteFormPage {
  private readonly api = inject(SitesApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);
  private readonly errorBox = viewChild<ElementRef<HTMLElement>>('errorBox');

  /** Route parameter: absent when creating. */
  readonly id = input<string>();

  protected readonly kinds = SITE_KINDS;
  protected readonly kindLabels = SITE_KIND_LABELS;
  protected readonly statuses = SITE_STATUSES;
  protected readonly statusLabels = SITE_STATUS_LABELS;
  protected readonly conflictMessage = SITE_CONFLICT_MESSAGE;

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
  protected readonly loadError = computed(() => {
    const error = this.site.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly title = computed(() =>
    this.editing() ? `Modifier ${this.current()?.name ?? 'le terrain'}` : 'Nouveau terrain',
  );
  protected readonly backLink = computed(() => (this.editing() ? ['/terrains', this.id()] : ['/terrains']));

  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);
  protected readonly conflict = signal(false);
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

  protected reload(): void {
    this.conflict.set(false);
    this.errors.set([]);
    this.site.reload();
  }

  protected async submit(): Promise<void> {
    if (this.pending() || this.form.disabled) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.showErrors(['Le formulaire contient des erreurs : corrigez les champs signalés.']);
      return;
    }
    const site = this.current();
    if (site && this.form.pristine) {
      this.snackBar.open('Aucune modification à enregistrer.', 'Fermer', { duration: 5000 });
      await this.router.navigate(['/terrains', site.id]);
      return;
    }
    const body = siteInputOf(this.form.getRawValue());
    this.pending.set(true);
    this.errors.set([]);
    this.conflict.set(false);
    try {
      const saved = site
        ? await firstValueFrom(this.api.update(site.id, site.version, body))
        : await firstValueFrom(this.api.create(body));
      this.form.markAsPristine();
      this.snackBar.open(site ? 'Terrain enregistré.' : 'Terrain créé.', 'Fermer', { duration: 5000 });
      await this.router.navigate(['/terrains', saved.id]);
    } catch (error) {
      if (isVersionConflict(error)) this.conflict.set(true);
      else this.showErrors(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }

  /** Shows the messages beside the submit button and moves the focus there. */
  private showErrors(messages: string[]): void {
    this.errors.set(messages);
    afterNextRender(() => this.errorBox()?.nativeElement.focus(), { injector: this.injector });
  }
}
