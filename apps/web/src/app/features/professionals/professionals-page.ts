import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import {
  MSU_STAGE_LABELS,
  MSU_STAGES,
  PRACTICE_MODE_LABELS,
  PRACTICE_MODES,
  professionalDisplayName,
  type SiteRecord,
} from '@maillage/shared/domain';
import { LIST_PAGE, Notifications } from '@maillage/web/ui';
import { urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { CommunePicker } from '../../shared/commune-picker/commune-picker';
import { SITES_URL } from '../sites';
import { MsuKanban } from './msu-kanban';
import { filtersOf, PROFESSIONAL_LIST, specialtySuggestions, type ProfessionalFilters } from './professional-filters';
import { openProfessionalForm } from './professional-form-dialog';
import { ProfessionalsTable } from './professionals-table';

const sameFilters = (a: ProfessionalFilters, b: ProfessionalFilters) => JSON.stringify(a) === JSON.stringify(b);

/** `/professionnels`: the registry as a table or as the MSU pipeline, with the same filters in the URL. */
@Component({
  selector: 'app-professionals-page',
  imports: [
    LIST_PAGE,
    CommunePicker,
    MatAutocompleteModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
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
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);
  private readonly auth = inject(AuthStore);

  protected readonly stages = MSU_STAGES;
  protected readonly stageLabels = MSU_STAGE_LABELS;
  protected readonly modes = PRACTICE_MODES;
  protected readonly modeLabels = PRACTICE_MODE_LABELS;
  protected readonly canEdit = computed(() => this.auth.can('professionals.write'));

  /** Filters and view in the URL; the search box writes to it once typing pauses. */
  protected readonly list = urlListState(PROFESSIONAL_LIST, { search: 'q' });
  protected readonly view = computed(() => this.list.state().view);
  protected readonly filters = computed(() => filtersOf(this.list.state()), { equal: sameFilters });

  protected readonly specialty = linkedSignal(() => this.filters().specialty);
  protected readonly specialtyOptions = computed(() => specialtySuggestions(this.specialty()));

  /** The site of a `?terrain=` link, named in a removable chip. */
  protected readonly site = httpResource<SiteRecord>(() => {
    const id = this.filters().site;
    return id ? `${SITES_URL}/${id}` : undefined;
  });

  protected update(patch: Partial<ProfessionalFilters>): void {
    this.list.update(patch, true);
  }

  protected applySpecialty(): void {
    const specialty = this.specialty().trim();
    if (specialty !== this.filters().specialty) this.update({ specialty });
  }

  protected openCreate(): void {
    openProfessionalForm(this.dialog, null).subscribe((created) => {
      // A new record cannot be stale: `conflict` only comes from an edit.
      if (!created || created === 'conflict') return;
      this.notifications.done(`${professionalDisplayName(created)} a été ajouté au registre.`);
      void this.router.navigate(['/professionnels', created.id]);
    });
  }
}
