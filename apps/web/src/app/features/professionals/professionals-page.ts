import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, linkedSignal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router } from '@angular/router';
import {
  MSU_STAGE_LABELS,
  MSU_STAGES,
  PRACTICE_MODE_LABELS,
  PRACTICE_MODES,
  professionalDisplayName,
  type SiteRecord,
} from '@maillage/shared/domain';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { CommunePicker } from '../../shared/commune-picker/commune-picker';
import { MsuKanban } from './msu-kanban';
import {
  filtersFromQuery,
  filtersToQuery,
  hasFilters,
  NO_FILTERS,
  type ProfessionalFilters,
  type ProfessionalsView,
  SPECIALTY_SUGGESTIONS,
  viewFromQuery,
} from './professional-filters';
import {
  ProfessionalFormDialog,
  type ProfessionalFormDialogData,
  type ProfessionalFormDialogResult,
} from './professional-form-dialog';
import { ProfessionalsTable } from './professionals-table';

const sameFilters = (a: ProfessionalFilters, b: ProfessionalFilters) => JSON.stringify(a) === JSON.stringify(b);

/** `/professionnels`: the registry as a table or as the MSU pipeline, with the same filters in the URL. */
@Component({
  selector: 'app-professionals-page',
  imports: [
    CommunePicker,
    MatAutocompleteModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MsuKanban,
    ProfessionalsTable,
  ],
  templateUrl: './professionals-page.html',
  styleUrl: './professionals-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfessionalsPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly auth = inject(AuthStore);

  protected readonly stages = MSU_STAGES;
  protected readonly stageLabels = MSU_STAGE_LABELS;
  protected readonly modes = PRACTICE_MODES;
  protected readonly modeLabels = PRACTICE_MODE_LABELS;
  protected readonly specialties = SPECIALTY_SUGGESTIONS;
  protected readonly canEdit = computed(() => this.auth.hasRole('mission_officer', 'admin'));

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly view = computed<ProfessionalsView>(() => viewFromQuery(this.params()));
  protected readonly filters = computed(() => filtersFromQuery(this.params()), { equal: sameFilters });
  protected readonly filtered = computed(() => hasFilters(this.filters()));

  /** The search box follows the URL (back button) and writes to it once typing pauses. */
  protected readonly search = linkedSignal(() => this.filters().q);
  protected readonly specialty = linkedSignal(() => this.filters().specialty);
  protected readonly specialtyOptions = computed(() => {
    const text = this.specialty().trim().toLowerCase();
    return this.specialties.filter((s) => s.toLowerCase().includes(text));
  });

  /** The site of a `?terrain=` link, named in a removable chip. */
  protected readonly site = httpResource<SiteRecord>(() => {
    const id = this.filters().site;
    return id ? `/api/sites/${id}` : undefined;
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    toObservable(this.search)
      .pipe(
        map((text) => text.trim()),
        debounceTime(300),
        distinctUntilChanged(),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((q) => {
        if (q !== this.filters().q) this.update({ q });
      });
  }

  protected update(patch: Partial<ProfessionalFilters>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: filtersToQuery({ ...this.filters(), ...patch }),
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected clearFilters(): void {
    this.search.set('');
    this.update(NO_FILTERS);
  }

  protected setView(view: ProfessionalsView): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { vue: view === 'parcours' ? 'parcours' : null },
      queryParamsHandling: 'merge',
    });
  }

  protected applySpecialty(): void {
    const specialty = this.specialty().trim();
    if (specialty !== this.filters().specialty) this.update({ specialty });
  }

  protected openCreate(): void {
    const data: ProfessionalFormDialogData = { professional: null };
    this.dialog
      .open<ProfessionalFormDialog, ProfessionalFormDialogData, ProfessionalFormDialogResult>(ProfessionalFormDialog, {
        data,
        width: '720px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((created) => {
        // A new record cannot be stale: `conflict` only comes from an edit.
        if (!created || created === 'conflict') return;
        this.snackBar.open(`${professionalDisplayName(created)} a été ajouté au registre.`, 'Fermer', {
          duration: 5000,
        });
        void this.router.navigate(['/professionnels', created.id]);
      });
  }
}
