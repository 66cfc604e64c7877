import type { PersonalDataExport } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import type { AuditActor } from '../common/persistence/scoped-records';
import { DocumentVersion } from './document-version.entity';
import { DOCUMENT_ENTITY } from './document-views';
import { StoredDocument } from './document.entity';

/** A document held about a professional, with every version, for a personal-data export. */
export type PersonalDocument = PersonalDataExport['documents'][number];

/** Documents on the professional's accreditations and on the referrals about them (by id or RPPS). */
const OF_PROFESSIONAL = `(
  (d.record_type = 'accreditation' AND d.record_id IN (SELECT a.id FROM accreditations a WHERE a.professional_id = :professionalId))
  OR (d.record_type = 'referral' AND d.record_id IN (SELECT r.id FROM candidate_referrals r
        WHERE r.professional_id = :professionalId OR (CAST(:rpps AS text) IS NOT NULL AND r.rpps = CAST(:rpps AS text)))))`;

/**
 * For the personal-data rights (export, erasure): the documents held about one professional —
 * those attached to their accreditations and to the CDOM referrals linked to them, archived
 * ones included. Documents of sites, visits and committee meetings are not a person's data.
 * Every method works in the caller's transaction (`manager`).
 */
@Injectable()
export class DocumentsPersonalData {
  constructor(private readonly audit: AuditService) {}

  async list(manager: EntityManager, professionalId: string, rpps: string | null): Promise<PersonalDocument[]> {
    const docs = await this.documents(manager, professionalId, rpps);
    if (docs.length === 0) return [];
    const versions = await manager
      .getRepository(DocumentVersion)
      .createQueryBuilder('v')
      .where('v.documentId IN (:...ids)', { ids: docs.map((d) => d.id) })
      .orderBy('v.number', 'ASC')
      .getMany();
    return docs.map((d) => ({
      documentId: d.id,
      recordType: d.recordType as PersonalDocument['recordType'],
      archivedAt: d.archivedAt?.toISOString() ?? null,
      versions: versions
        .filter((v) => v.documentId === d.id)
        .map((v) => ({
          number: v.number,
          fileName: v.fileName,
          mediaType: v.mediaType,
          sizeBytes: v.sizeBytes,
          sha256: v.sha256,
          createdAt: v.createdAt.toISOString(),
          downloadPath: `/api/documents/${d.id}/content?version=${v.number}`,
        })),
    }));
  }

  /** Deletes those documents for good (versions and content included), each audited; returns how many. */
  async erase(manager: EntityManager, actor: AuditActor, professionalId: string, rpps: string | null): Promise<number> {
    const docs = await this.documents(manager, professionalId, rpps);
    for (const doc of docs) {
      await this.audit.record(manager, actor, {
        action: 'erased',
        entityType: DOCUMENT_ENTITY,
        entityId: doc.id,
        departementCode: doc.departementCode,
        // No file name in the history: it often names the person.
        before: { recordType: doc.recordType, recordId: doc.recordId, currentVersion: doc.currentVersion },
        after: null,
      });
      await manager.getRepository(StoredDocument).delete({ id: doc.id });
    }
    return docs.length;
  }

  private documents(manager: EntityManager, professionalId: string, rpps: string | null): Promise<StoredDocument[]> {
    return manager
      .getRepository(StoredDocument)
      .createQueryBuilder('d')
      .where(OF_PROFESSIONAL, { professionalId, rpps })
      .orderBy('d.createdAt', 'ASC')
      .getMany();
  }
}
