import { AccessIssue } from '../access-issues/access-issue.entity';
import { Accreditation } from '../accreditations/accreditation.entity';
import { AnnualReport } from '../annual-reports/annual-report.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Session } from '../auth/session.entity';
import { CommitteeMeeting } from '../committees/committee-meeting.entity';
import { DocumentChunk } from '../documents/document-chunk.entity';
import { DocumentVersion } from '../documents/document-version.entity';
import { StoredDocument } from '../documents/document.entity';
import { InstallationIntent } from '../intents/installation-intent.entity';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { SupportMeasure } from '../measures/support-measure.entity';
import { NotificationPreference } from '../notifications/notification-preference.entity';
import { Notification } from '../notifications/notification.entity';
import { OfferSnapshot } from '../offer-snapshots/offer-snapshot.entity';
import { MsuStageEvent } from '../professionals/msu-stage-event.entity';
import { Professional } from '../professionals/professional.entity';
import { TrainingSession } from '../professionals/training-session.entity';
import { CandidateReferral } from '../referrals/candidate-referral.entity';
import { ReferralFollowUp } from '../referrals/referral-follow-up.entity';
import { SemesterDemand } from '../semesters/semester-demand.entity';
import { ProfessionalSite } from '../sites/professional-site.entity';
import { SiteCapacity } from '../sites/site-capacity.entity';
import { TrainingSite } from '../sites/training-site.entity';
import { Task } from '../tasks/task.entity';
import { CommuneContour } from '../territory/entities/commune-contour.entity';
import { CommuneZonage } from '../territory/entities/commune-zonage.entity';
import { Commune } from '../territory/entities/commune.entity';
import { Departement } from '../territory/entities/departement.entity';
import { Epci } from '../territory/entities/epci.entity';
import { User } from '../users/user.entity';
import { SiteVisit } from '../visits/site-visit.entity';
import { VisitParticipant } from '../visits/visit-participant.entity';

/** Every entity of the app, listed once for the app, the CLI and the tests. */
export const ENTITIES = [
  AccessIssue,
  Accreditation,
  AnnualReport,
  AuditEvent,
  CandidateReferral,
  CommitteeMeeting,
  Commune,
  CommuneContour,
  CommuneZonage,
  Departement,
  Epci,
  InstallationIntent,
  MsuStageEvent,
  OfferSnapshot,
  Professional,
  ProfessionalSite,
  ReferralFollowUp,
  SemesterDemand,
  Session,
  SiteVisit,
  SupportMeasure,
  Task,
  SiteCapacity,
  TrainingSession,
  TrainingSite,
  User,
  VisitParticipant,
  // Working together: notifications, the e-mail outbox, documents on records
  Notification,
  NotificationPreference,
  OutboxMessage,
  StoredDocument,
  DocumentVersion,
  DocumentChunk,
];
