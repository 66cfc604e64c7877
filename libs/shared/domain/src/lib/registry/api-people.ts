import type { Civility, MsuStage, PracticeMode } from './professionals';
import type { IntentHorizon, IntentStatus, Priority, ReferralStatus } from './referrals';
import type { Cycle } from './stage-types';

/** What the API answers about people: professionals and MSUs, CDOM referrals, installation intents. */

/** A site where a professional practises, as shown beside the professional. */
export interface ProfessionalSiteRef {
  id: string;
  name: string;
  communeCode: string;
  communeName: string | null;
}

/** A row of `GET /api/professionals` and a card of the pipeline. */
export interface ProfessionalSummary {
  id: string;
  version: number;
  departementCode: string;
  civility: Civility | null;
  firstName: string;
  lastName: string;
  rpps: string | null;
  profession: string;
  specialty: string | null;
  practiceMode: PracticeMode | null;
  msuStage: MsuStage;
  msuStageSince: string;
  /** Accredited or active. */
  isSupervisor: boolean;
  sites: ProfessionalSiteRef[];
  archivedAt: string | null;
  updatedAt: string;
}

/** Continuing-training hours in the rolling window, against the configured target. */
export interface TrainingProgress {
  hours: number;
  remaining: number;
  windowStart: string;
  targetHours: number;
  targetYears: number;
}

/** `GET /api/professionals/:id`. */
export interface ProfessionalDetail extends ProfessionalSummary {
  email: string | null;
  phone: string | null;
  firstInstallationYear: number | null;
  contactConsent: boolean;
  initialTrainingDate: string | null;
  initialTrainingCycle: Cycle | null;
  notes: string | null;
  training: TrainingProgress;
  createdAt: string;
}

/** One move of the MSU pipeline (`GET /api/professionals/:id/stage-events`). */
export interface MsuStageEventView {
  id: string;
  fromStage: MsuStage | null;
  toStage: MsuStage;
  occurredOn: string;
  note: string | null;
  actorId: string | null;
  createdAt: string;
}

export interface TrainingSessionView {
  id: string;
  date: string;
  hours: number;
  title: string;
  createdAt: string;
}

/** One column of the kanban: how many professionals are at this stage, and the first cards. */
export interface PipelineColumn {
  stage: MsuStage;
  total: number;
  items: ProfessionalSummary[];
}

/** `GET /api/professionals/pipeline`. */
export interface MsuPipeline {
  columns: PipelineColumn[];
  /** Cards per column at most. */
  limit: number;
}

/** A user named on a record (who referred, who follows up). */
export interface UserRef {
  id: string;
  displayName: string;
}

/** `GET /api/candidate-referrals` rows and details. */
export interface CandidateReferralView {
  id: string;
  version: number;
  departementCode: string;
  professionalId: string | null;
  civility: Civility | null;
  firstName: string;
  lastName: string;
  rpps: string | null;
  specialty: string | null;
  communeCode: string | null;
  reason: string;
  priority: Priority;
  status: ReferralStatus;
  referredBy: UserRef | null;
  assignedTo: UserRef | null;
  lastFollowUpAt: string | null;
  closedAt: string | null;
  /** The note written when the referral was closed (visible to the CDOM). */
  outcomeNote: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A follow-up of a referral; not shown to the CDOM (the mission officer’s working notes). */
export interface ReferralFollowUpView {
  id: string;
  occurredAt: string;
  note: string;
  actorId: string | null;
  createdAt: string;
}

/** `GET /api/installation-intents` rows and details. Names only with consent. */
export interface InstallationIntentView {
  id: string;
  version: number;
  departementCode: string;
  consent: boolean;
  firstName: string | null;
  lastName: string | null;
  initials: string;
  specialty: string;
  faculty: string | null;
  targetCommuneCodes: string[];
  horizon: IntentHorizon;
  status: IntentStatus;
  supportOffered: string | null;
  professionalId: string | null;
  settledOn: string | null;
  notes: string | null;
  reportedBy: UserRef | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Sort fields of `GET /api/professionals` (`sort=field:asc|desc`). `lastName` sorts by the folded name. */
export const PROFESSIONAL_SORT_FIELDS = ['lastName', 'msuStage', 'msuStageSince', 'updatedAt'] as const;
export const REFERRAL_SORT_FIELDS = ['createdAt', 'updatedAt', 'priority', 'status', 'lastFollowUpAt'] as const;
export const INTENT_SORT_FIELDS = ['createdAt', 'updatedAt', 'status', 'horizon', 'settledOn'] as const;

/** Audit `entityType` of these records (`GET /api/audit-events?entityType=`). */
export const PEOPLE_AUDIT_ENTITY_TYPES = {
  professional: 'professional',
  referral: 'candidate_referral',
  intent: 'installation_intent',
} as const;

/** How a referral is closed (`POST /api/candidate-referrals/:id/close`). */
export const REFERRAL_CLOSE_OUTCOMES = ['converted', 'declined', 'not_eligible'] as const;
export type ReferralCloseOutcome = (typeof REFERRAL_CLOSE_OUTCOMES)[number];

/** Body of `POST /api/professionals`; `PATCH` takes any subset (but `msuStage`) plus `version`. */
export interface ProfessionalInput {
  civility?: Civility | null;
  firstName: string;
  lastName: string;
  rpps?: string | null;
  profession?: string;
  specialty?: string | null;
  practiceMode?: PracticeMode | null;
  email?: string | null;
  phone?: string | null;
  firstInstallationYear?: number | null;
  contactConsent?: boolean;
  /** Replaces the links to sites when given. */
  siteIds?: string[];
  initialTrainingDate?: string | null;
  initialTrainingCycle?: Cycle | null;
  notes?: string | null;
  /** Creation only: where the professional enters the pipeline (default `identified`, today). */
  msuStage?: MsuStage;
  msuStageSince?: string;
}

/** Body of `POST /api/professionals/:id/stage`. */
export interface MsuStageMoveInput {
  version: number;
  toStage: MsuStage;
  date: string;
  note?: string | null;
}

export interface TrainingSessionInput {
  date: string;
  hours: number;
  title: string;
}

/** Body of `POST /api/candidate-referrals`: an existing professional, or a minimal identity. */
export interface CandidateReferralInput {
  professionalId?: string;
  civility?: Civility | null;
  firstName?: string;
  lastName?: string;
  rpps?: string | null;
  specialty?: string | null;
  communeCode?: string | null;
  reason: string;
  priority?: Priority;
}

export interface ReferralCloseInput {
  version: number;
  outcome: ReferralCloseOutcome;
  note: string;
}

/** Body of `POST /api/installation-intents`; `PATCH` takes any subset plus `version`. */
export interface InstallationIntentInput {
  consent: boolean;
  /** Stored only with consent; without it, used to compute the initials and dropped. */
  firstName?: string | null;
  lastName?: string | null;
  /** Without consent and without names. */
  initials?: string;
  specialty: string;
  faculty?: string | null;
  targetCommuneCodes?: string[];
  horizon: IntentHorizon;
  status?: IntentStatus;
  supportOffered?: string | null;
  professionalId?: string | null;
  settledOn?: string | null;
  notes?: string | null;
}
