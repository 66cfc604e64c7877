import type { ReportSection, ReportStatus } from './committees';

/** One row of a figures table: a key (enum value or code), its French label and its values. */
export interface ReportFigureRow {
  key: string;
  label: string;
  values: number[];
}

/** A table of the annual report's figures (one PDF table, one XLSX sheet). */
export interface ReportFigureTable {
  /** Stable identifier, e.g. `visits`. */
  key: string;
  /** French title, e.g. « Visites réalisées par objet ». */
  title: string;
  /** XLSX sheet name (≤ 31 characters). */
  sheet: string;
  /** French column names: the first names the row label, the others the values. */
  columns: string[];
  rows: ReportFigureRow[];
  /** The totals row, when the values add up. */
  total: number[] | null;
  /** How the figure is computed, in French. */
  note: string;
}

/** The figures of a calendar year (1 January – 31 December), computed or frozen at approval. */
export interface AnnualReportFigures {
  year: number;
  departementCode: string;
  /** When they were computed (ISO instant). */
  computedAt: string;
  tables: ReportFigureTable[];
}

export interface AnnualReportSummary {
  id: string;
  departementCode: string;
  year: number;
  title: string;
  status: ReportStatus;
  presentedOn: string | null;
  approvedOn: string | null;
  version: number;
  updatedAt: string;
}

export interface AnnualReportDetail extends AnnualReportSummary {
  sections: Partial<Record<ReportSection, string>>;
  approvedById: string | null;
  /** `true` once approved: the figures are those stored at approval. */
  frozen: boolean;
  figures: AnnualReportFigures;
}

export interface AnnualReportInput {
  year: number;
  title?: string;
  sections?: Partial<Record<ReportSection, string>>;
  departementCode?: string;
}
