import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import {
  type GeneralPractitionerRow,
  MSU_STAGE_LABELS,
  type Page,
  RPPS_PRACTICE_MODE_LABELS,
  RPPS_SECTOR_LABELS,
  ZONAGE_LABELS,
} from '@maillage/shared/domain';
import { LIST_PAGE, Notifications, type RowAction, type TableColumn } from '@maillage/web/ui';
import { actionSubmission, injectCan, selectFilters, urlListState } from '@maillage/web/util';
import { firstValueFrom } from 'rxjs';
import { CommunePicker } from '../../shared/commune-picker/commune-picker';
import { GeneralPractitionersApi, GP_LIST, GP_URL, gpName, REGISTRY_STATE_LABELS } from './gp-api';
import { GpReferralDialog } from './gp-referral-dialog';
import { SupervisionIncomeDialog } from './supervision-income-dialog';

type GpAction = 'refer' | 'pipeline' | 'income';

/**
 * « Médecins généralistes non MSU »: the GPs of the national directory (RPPS) who practise on the
 * territory and are not maîtres de stage yet, one place of practice per row; each row becomes a
 * CDOM referral or a professional of the pipeline in one click, and says what supervising would bring.
 */
@Component({
  selector: 'app-gp-page',
  imports: [LIST_PAGE, CommunePicker],
  templateUrl: './gp-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GeneralPractitionersPage {
  private readonly api = inject(GeneralPractitionersApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);
  private readonly router = inject(Router);
  private readonly can = injectCan();

  protected readonly list = urlListState(GP_LIST);
  protected readonly practitioners = httpResource<Page<GeneralPractitionerRow>>(() => this.list.request(GP_URL));
  protected readonly action = actionSubmission();
  protected readonly name = gpName;
  protected readonly countWords = {
    none: 'Aucun médecin généraliste non MSU pour ces critères.',
    one: '1 lieu d’exercice de médecin généraliste non MSU.',
    many: '{n} lieux d’exercice de médecins généralistes non MSU.',
  };
  protected readonly columns: TableColumn<GeneralPractitionerRow>[] = [
    { key: 'name', header: 'Médecin' },
    { key: 'place', header: 'Lieu d’exercice' },
    { key: 'commune', header: 'Commune' },
    { key: 'mode', header: 'Mode et secteur' },
    { key: 'registry', header: 'Dans Maillage' },
    { key: 'actions', header: 'Actions', hiddenHeader: true },
  ];
  protected readonly filters = selectFilters(GP_LIST, {
    practiceMode: { label: 'Mode d’exercice', all: 'Tous les modes', labels: RPPS_PRACTICE_MODE_LABELS },
    sector: { label: 'Secteur d’activité', all: 'Tous les secteurs', labels: RPPS_SECTOR_LABELS },
    registry: { label: 'Registre', all: 'Tous', labels: REGISTRY_STATE_LABELS },
  });
  protected readonly canRefer = computed(() => this.can('referrals.create'));
  protected readonly canAdd = computed(() => this.can('professionals.write'));

  protected stageLabel(row: GeneralPractitionerRow): string {
    return row.registry ? MSU_STAGE_LABELS[row.registry.msuStage] : '';
  }

  protected zonageLabel(row: GeneralPractitionerRow): string {
    return row.zonage ? ZONAGE_LABELS[row.zonage] : '';
  }

  protected modeText(row: GeneralPractitionerRow): string {
    return [row.practiceMode.label, row.sector.label].filter(Boolean).join(' — ');
  }

  protected actionsOf(row: GeneralPractitionerRow): RowAction<GpAction>[] {
    const actions: RowAction<GpAction>[] = [];
    if (this.canRefer() && !row.openReferralId)
      actions.push({ key: 'refer', label: 'Signaler au CDOM', icon: 'campaign' });
    if (this.canAdd() && !row.registry) {
      actions.push({ key: 'pipeline', label: 'Ajouter au parcours MSU', icon: 'person_add' });
    }
    if (row.rpps) actions.push({ key: 'income', label: 'Ce que rapporterait la maîtrise de stage', icon: 'euro' });
    return actions;
  }

  protected async run(row: GeneralPractitionerRow, action: GpAction): Promise<void> {
    if (action === 'income') {
      this.dialog.open(SupervisionIncomeDialog, { data: row, width: '640px', maxWidth: 'calc(100vw - 32px)' });
      return;
    }
    if (action === 'refer') {
      const ref = this.dialog.open(GpReferralDialog, { data: row, width: '560px', maxWidth: 'calc(100vw - 32px)' });
      if (await firstValueFrom(ref.afterClosed())) this.practitioners.reload();
      return;
    }
    const confirmed = await firstValueFrom(
      this.notifications.confirm({
        title: 'Ajouter au parcours MSU ?',
        message:
          `${gpName(row)} entre dans le registre à l’étape « Identifié », avec son identité et son mode d’exercice ` +
          'tels que l’annuaire les donne. Ses coordonnées ne sont pas reprises : ajoutez-les avec son consentement.',
        confirm: 'Ajouter au parcours',
      }),
    );
    if (!confirmed) return;
    await this.action.run(() => this.api.addToPipeline(row), {
      success: 'Professionnel ajouté au parcours MSU.',
      then: (saved) => this.router.navigate(['/professionnels', saved.id]),
    });
  }
}
