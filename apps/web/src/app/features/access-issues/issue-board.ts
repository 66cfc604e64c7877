import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Params } from '@angular/router';
import { RouterLink } from '@angular/router';
import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  ACCESS_ISSUE_STATUS_LABELS,
  ACCESS_ISSUE_STATUSES,
  type AccessIssueBoard,
  type AccessIssueStatus,
} from '@maillage/shared/domain';
import { ACCESS_ISSUES_PATH, ISSUE_LIST } from './access-issues-api';
import { severityName } from './issue-badges';

export interface BoardCell {
  status: AccessIssueStatus;
  count: number;
  /** Query parameters of the filtered list (`null` for an empty cell: no link). */
  query: Params | null;
  /** What a screen reader hears on the link. */
  label: string;
}

export interface BoardLine {
  category: string;
  label: string;
  cells: BoardCell[];
  open: number;
  openQuery: Params | null;
  maxOpenSeverity: string | null;
}

/** The board's lines: one per category, one cell per status, each linking to the filtered list. */
export function boardLines(board: AccessIssueBoard, site: string | null = null): BoardLine[] {
  return board.rows.map((row) => {
    const label = ACCESS_ISSUE_CATEGORY_LABELS[row.category];
    return {
      category: row.category,
      label,
      cells: ACCESS_ISSUE_STATUSES.map((status) => {
        const count = row.counts[status];
        return {
          status,
          count,
          query: count > 0 ? ISSUE_LIST.paramsOf({ site, category: row.category, status }) : null,
          label: `${label}, ${ACCESS_ISSUE_STATUS_LABELS[status].toLowerCase()} : ${count}`,
        };
      }),
      open: row.open,
      openQuery: row.open > 0 ? ISSUE_LIST.paramsOf({ site, category: row.category, open: true }) : null,
      maxOpenSeverity: row.maxOpenSeverity === null ? null : severityName(row.maxOpenSeverity),
    };
  });
}

/** Categories × statuses: how many issues in each, every non-empty cell a link to the list. */
@Component({
  selector: 'app-issue-board',
  imports: [RouterLink],
  templateUrl: './issue-board.html',
  styleUrl: './issue-board.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IssueBoard {
  readonly board = input.required<AccessIssueBoard>();
  /** The site the board is restricted to, kept in the links. */
  readonly site = input<string | null>(null);

  protected readonly path = ACCESS_ISSUES_PATH;
  protected readonly statuses = ACCESS_ISSUE_STATUSES;
  protected readonly statusLabels = ACCESS_ISSUE_STATUS_LABELS;
  protected readonly lines = computed(() => boardLines(this.board(), this.site()));
  protected readonly totals = computed(() => this.board().totals);
}
