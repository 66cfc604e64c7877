import { AccessIssue } from '../access-issues/access-issue.entity';
import { Accreditation } from '../accreditations/accreditation.entity';
import { AnnualReport } from '../annual-reports/annual-report.entity';
import { Session } from '../auth/session.entity';
import { CommitteeMeeting } from '../committees/committee-meeting.entity';
import { AuditEvent } from '../common/audit/audit-event.entity';
import { DocumentChunk } from '../documents/document-chunk.entity';
import { DocumentVersion } from '../documents/document-version.entity';
import { StoredDocument } from '../documents/document.entity';
import { ImportItem } from '../imports/entities/import-item.entity';
import { ImportJob } from '../imports/entities/import-job.entity';
import { ImportMappingPreference } from '../imports/entities/import-mapping.entity';
import { ImportRow } from '../imports/entities/import-row.entity';
import { InstallationIntent } from '../intents/installation-intent.entity';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { SupportMeasure } from '../measures/support-measure.entity';
import { NotificationPreference } from '../notifications/notification-preference.entity';
import { Notification } from '../notifications/notification.entity';
import { OfferSnapshot } from '../offer-snapshots/offer-snapshot.entity';
import { MsuStageEvent } from '../professionals/msu-stage-event.entity';
import { ProfessionalSitePeriod } from '../professionals/professional-site-period.entity';
import { ProfessionalSite } from '../professionals/professional-site.entity';
import { Professional } from '../professionals/professional.entity';
import { TrainingSession } from '../professionals/training-session.entity';
import { CandidateReferral } from '../referrals/candidate-referral.entity';
import { ReferralFollowUp } from '../referrals/referral-follow-up.entity';
import { RppsLoad } from '../rpps/entities/rpps-load.entity';
import { RppsPractitioner } from '../rpps/entities/rpps-practitioner.entity';
import { SemesterDemand } from '../semesters/semester-demand.entity';
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
  ImportItem,
  ImportJob,
  ImportMappingPreference,
  ImportRow,
  InstallationIntent,
  MsuStageEvent,
  OfferSnapshot,
  Professional,
  ProfessionalSite,
  ProfessionalSitePeriod,
  ReferralFollowUp,
  RppsLoad,
  RppsPractitioner,
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
