import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service';
import type { AuditActor } from '../common/persistence/scoped-records';
import { DocumentVersion } from './document-version.entity';
import { DOCUMENT_ENTITY } from './document-views';
import { StoredDocument } from './document.entity';
import { versionContent } from './version-content';

/** A document held about a professional, with every version, for a personal-data export. */
export interface PersonalDocument {
  documentId: string;
  recordType: 'accreditation' | 'referral';
  recordId: string;
  departementCode: string;
  archivedAt: string | null;
  versions: {
    versionId: string;
    number: number;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    createdAt: string;
  }[];
}

/** Documents on the professional's accreditations and on the referrals linked to them. */
const OF_PROFESSIONAL = `(
  (d.record_type = 'accreditation' AND d.record_id IN (SELECT a.id FROM accreditations a WHERE a.professional_id = :professionalId))
  OR (d.record_type = 'referral' AND d.record_id IN (SELECT r.id FROM candidate_referrals r WHERE r.professional_id = :professionalId)))`;

/**
 * For the personal-data rights (export, erasure): the documents held about one professional —
 * those attached to their accreditations and to the CDOM referrals linked to them, archived
 * ones included. Documents of sites, visits and committee meetings are not a person's data.
 * Every method works in the caller's transaction (`manager`).
 */
@Injectable()
export class DocumentsPersonalData {
  constructor(private readonly audit: AuditService) {}

  async list(manager: EntityManager, professionalId: string): Promise<PersonalDocument[]> {
    const docs = await this.documents(manager, professionalId);
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
      recordId: d.recordId,
      departementCode: d.departementCode,
      archivedAt: d.archivedAt?.toISOString() ?? null,
      versions: versions
        .filter((v) => v.documentId === d.id)
        .map((v) => ({
          versionId: v.id,
          number: v.number,
          fileName: v.fileName,
          mediaType: v.mediaType,
          sizeBytes: v.sizeBytes,
          sha256: v.sha256,
          createdAt: v.createdAt.toISOString(),
        })),
    }));
  }

  /** The bytes of one version (a `versionId` of `list`), chunk by chunk. */
  content(manager: EntityManager, versionId: string): AsyncGenerator<Buffer> {
    return versionContent(manager, versionId);
  }

  /** Deletes those documents for good (versions and content included), each audited; returns how many. */
  async erase(manager: EntityManager, actor: AuditActor, professionalId: string): Promise<number> {
    const docs = await this.documents(manager, professionalId);
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

  private documents(manager: EntityManager, professionalId: string): Promise<StoredDocument[]> {
    return manager
      .getRepository(StoredDocument)
      .createQueryBuilder('d')
      .where(OF_PROFESSIONAL, { professionalId })
      .orderBy('d.createdAt', 'ASC')
      .getMany();
  }
}
