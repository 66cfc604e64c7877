import type { CommitteeKind, MeetingAttendee, MeetingDecision, MeetingStatus } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { AnnualReport } from '../annual-reports/annual-report.entity';
import { ScopedEntity } from '../common/scope/scoped.entity';
import { OfferSnapshot } from '../offer-snapshots/offer-snapshot.entity';

/** A meeting of the follow-up or strategic committee, with its attendees, minutes and decisions. */
@Entity('committee_meetings')
@Index('idx_committee_meetings_dep_date', ['departementCode', 'heldOn'])
/** Trigram index on the folded title and place, for the search box: written in the migration (expression). */
@Index('idx_committee_meetings_search_trgm', { synchronize: false })
@Check('ck_committee_meetings_kind', `"kind" IN ('follow_up', 'strategic')`)
@Check('ck_committee_meetings_status', `"status" IN ('planned', 'held', 'cancelled')`)
export class CommitteeMeeting extends ScopedEntity {
  @Column({ type: 'varchar', length: 12 })
  kind!: CommitteeKind;

  @Column({ type: 'varchar', length: 12, default: 'planned' })
  status!: MeetingStatus;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  location!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attendees!: MeetingAttendee[];

  @Column({ type: 'text', nullable: true })
  agenda!: string | null;

  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  decisions!: MeetingDecision[];

  @Column({ type: 'uuid', nullable: true })
  snapshotId!: string | null;

  @ManyToOne(() => OfferSnapshot, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'fk_committee_meetings_snapshot' })
  snapshot?: OfferSnapshot | null;

  @Column({ type: 'uuid', nullable: true })
  annualReportId!: string | null;

  @ManyToOne(() => AnnualReport, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'annual_report_id', foreignKeyConstraintName: 'fk_committee_meetings_annual_report' })
  annualReport?: AnnualReport | null;
}
