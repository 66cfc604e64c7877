import type { AccreditationStatus, AccreditationType } from '../registry/accreditations';
import type { ProfessionalDetail } from '../registry/api-people';
import type { MsuStage } from '../registry/professionals';
import type { IntentStatus, ReferralStatus } from '../registry/referrals';
import type { Cycle, StageType } from '../registry/stage-types';

/**
 * `GET /api/professionals/:id/personal-data`: everything Maillage holds about one professional
 * (GDPR right of access), as JSON (and PDF at `…/personal-data.pdf`).
 */
export interface PersonalDataExport {
  generatedAt: string;
  departementCode: string;
  professional: Omit<ProfessionalDetail, 'training'>;
  pipeline: { fromStage: MsuStage | null; toStage: MsuStage; occurredOn: string; note: string | null }[];
  trainingSessions: { date: string; hours: number; title: string }[];
  accreditations: {
    type: AccreditationType;
    cycle: Cycle;
    status: AccreditationStatus;
    stageTypes: StageType[];
    startDate: string | null;
    endDate: string | null;
    reference: string | null;
  }[];
  referrals: {
    createdAt: string;
    status: ReferralStatus;
    reason: string;
    outcomeNote: string | null;
    followUps: { occurredAt: string; note: string }[];
  }[];
  installationIntents: { createdAt: string; status: IntentStatus; specialty: string; notes: string | null }[];
  visits: { date: string; site: string; purpose: string; status: string }[];
  /** The national directory (RPPS) entries of their RPPS number. */
  directory: {
    structureName: string | null;
    communeCode: string;
    profession: string | null;
    savoirFaire: string | null;
  }[];
  /** Spreadsheet imports that created or updated their record. */
  imports: { fileName: string; appliedAt: string | null; action: string }[];
  /**
   * Documents attached to their accreditations and to the referrals about them (archived ones
   * included), every version with its download path.
   */
  documents: {
    documentId: string;
    recordType: 'accreditation' | 'referral';
    archivedAt: string | null;
    versions: {
      number: number;
      fileName: string;
      mediaType: string;
      sizeBytes: number;
      sha256: string;
      createdAt: string;
      downloadPath: string;
    }[];
  }[];
  /** History entries about their record and the records about them. */
  auditEvents: {
    occurredAt: string;
    actorEmail: string | null;
    action: string;
    entityType: string;
    changes: Record<string, { before: unknown; after: unknown }>;
  }[];
}

/** `POST /api/professionals/:id/erase`: what the erasure anonymised. */
export interface ErasureReport {
  professionalId: string;
  erasedAt: string;
  referrals: number;
  installationIntents: number;
  visitParticipations: number;
  tasks: number;
  auditEvents: number;
  importRows: number;
  /** Documents deleted for good (every version), from their accreditations and referrals. */
  documents: number;
}

/** What the retention job removed (`AUDIT_RETENTION_MONTHS`). */
export interface RetentionReport {
  cutoff: string;
  skipped: boolean;
  auditEvents: number;
  sessions: number;
  importRows: number;
}
