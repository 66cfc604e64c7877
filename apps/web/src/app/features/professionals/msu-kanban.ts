import { type CdkDragDrop, DragDropModule } from '@angular/cdk/drag-drop';
import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  canMoveMsuStage,
  MSU_EXITS,
  MSU_STAGE_LABELS,
  MSU_STAGES,
  type MsuPipeline,
  type MsuStage,
  type PipelineColumn,
  professionalDisplayName,
  type ProfessionalSummary,
} from '@maillage/shared/domain';
import { errorMessages } from '@maillage/web/util';
import { MoveStageDialog, type MoveStageDialogData, type MoveStageDialogResult } from './move-stage-dialog';
import type { ProfessionalFilters } from './professional-filters';
import { pipelineRequest } from './professionals-api';

/** Why the pipeline refuses a move, in the words of the API. */
export function refusedMoveMessage(from: MsuStage, to: MsuStage): string {
  const why = MSU_EXITS.includes(from)
    ? ' : depuis une sortie du parcours, seul un retour à « Identifié » ou « Contacté » est possible'
    : '';
  return `Passage impossible de l’étape « ${MSU_STAGE_LABELS[from]} » à « ${MSU_STAGE_LABELS[to]} »${why}.`;
}

/** The board after a card moved: out of its column, on top of the other one. */
function applyMove(board: MsuPipeline, moved: ProfessionalSummary, from: MsuStage): MsuPipeline {
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stage === from) {
        return { ...column, total: column.total - 1, items: column.items.filter((p) => p.id !== moved.id) };
      }
      if (column.stage === moved.msuStage) {
        return { ...column, total: column.total + 1, items: [moved, ...column.items] };
      }
      return column;
    }),
  };
}

/**
 * The MSU pipeline as a kanban: a column per stage with its count; a card moves by drag and drop
 * or with its "Déplacer…" menu (keyboard), after a dialog that asks the date and a note.
 */
@Component({
  selector: 'app-msu-kanban',
  imports: [DatePipe, DragDropModule, MatButtonModule, MatIconModule, MatMenuModule, MatProgressBarModule, RouterLink],
  templateUrl: './msu-kanban.html',
  styleUrl: './msu-kanban.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MsuKanban {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly filters = input.required<ProfessionalFilters>();
  /** Mission officers and administrators move cards; the others read the board. */
  readonly canEdit = input(false);

  protected readonly labels = MSU_STAGE_LABELS;
  protected readonly stages = MSU_STAGES;
  protected readonly displayName = professionalDisplayName;

  protected readonly pipeline = httpResource<MsuPipeline>(() => pipelineRequest(this.filters()));
  /** What the board shows: the last answer, moved cards included, kept while the next one loads. */
  protected readonly board = linkedSignal<MsuPipeline | undefined, MsuPipeline | undefined>({
    source: () => (this.pipeline.hasValue() ? this.pipeline.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly loadError = computed(() => {
    const error = this.pipeline.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  /** Archived professionals cannot move: the board is read-only on the archives. */
  protected readonly editable = computed(() => this.canEdit() && !this.filters().archived);
  /** The exits (declined, retired) are folded until asked for. */
  protected readonly openExits = signal<ReadonlySet<MsuStage>>(new Set());
  /** The card being dragged: columns that refuse it say so while it moves. */
  protected readonly dragging = signal<ProfessionalSummary | null>(null);
  /** Why the last move did not happen. */
  protected readonly notice = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);

  protected isExit(stage: MsuStage): boolean {
    return MSU_EXITS.includes(stage);
  }

  protected isFolded(column: PipelineColumn): boolean {
    return this.isExit(column.stage) && !this.openExits().has(column.stage);
  }

  protected toggleExit(stage: MsuStage): void {
    const open = new Set(this.openExits());
    if (open.has(stage)) open.delete(stage);
    else open.add(stage);
    this.openExits.set(open);
  }

  protected refuses(stage: MsuStage): boolean {
    const card = this.dragging();
    return card !== null && card.msuStage !== stage && !canMoveMsuStage(card.msuStage, stage);
  }

  protected canMove(card: ProfessionalSummary, stage: MsuStage): boolean {
    return canMoveMsuStage(card.msuStage, stage);
  }

  protected onDrop(event: CdkDragDrop<MsuStage, MsuStage, ProfessionalSummary>): void {
    this.dragging.set(null);
    if (event.previousContainer === event.container) return;
    this.requestMove(event.item.data, event.container.data);
  }

  /**
   * Checks the move against the pipeline's rules, asks its date and note, then records it.
   * Nothing moves on screen until the API has accepted it: a refused card stays where it was.
   */
  requestMove(card: ProfessionalSummary, to: MsuStage): void {
    if (!this.editable() || card.msuStage === to || this.busyId() !== null) return;
    this.notice.set(null);
    if (!canMoveMsuStage(card.msuStage, to)) {
      this.notice.set(refusedMoveMessage(card.msuStage, to));
      return;
    }
    this.busyId.set(card.id);
    const data: MoveStageDialogData = { professional: card, toStage: to };
    const ref = this.dialog.open<MoveStageDialog, MoveStageDialogData, MoveStageDialogResult>(MoveStageDialog, {
      data,
      width: '520px',
      autoFocus: 'first-tabbable',
    });
    ref.afterClosed().subscribe((result) => {
      this.busyId.set(null);
      if (!result) {
        this.focusCard(card.id);
        return;
      }
      if (result.kind === 'refused') {
        this.notice.set(result.message);
        this.pipeline.reload();
        this.focusCard(card.id);
        return;
      }
      const board = this.board();
      if (board) this.board.set(applyMove(board, result.professional, card.msuStage));
      this.snackBar.open(
        `${professionalDisplayName(card)} : étape « ${MSU_STAGE_LABELS[to]} » enregistrée.`,
        'Fermer',
        { duration: 5000 },
      );
      if (this.isExit(to) && !this.openExits().has(to)) this.toggleExit(to);
      this.focusCard(card.id);
      this.pipeline.reload();
    });
  }

  /** After a move (or a cancelled one), the focus goes back to the card, wherever it now is. */
  private focusCard(id: string): void {
    afterNextRender(
      () => {
        const card = this.host.nativeElement.querySelector<HTMLElement>(`[data-card="${id}"]`);
        const target = card?.querySelector<HTMLElement>('.move-button') ?? card;
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}
