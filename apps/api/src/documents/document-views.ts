import type { DocumentDetail, DocumentVersionView, DocumentView, UserRef } from '@maillage/shared/domain';
import { type EntityManager, In } from 'typeorm';

import type { Snapshot } from '../common/persistence/scoped-records';
import { User } from '../users/user.entity';
import { DocumentVersion } from './document-version.entity';
import type { StoredDocument } from './document.entity';

export const DOCUMENT_ENTITY = 'document';
export const DOCUMENT_LABEL = 'Document';

function versionView(v: DocumentVersion, users: Map<string, UserRef>): DocumentVersionView {
  return {
    number: v.number,
    fileName: v.fileName,
    mediaType: v.mediaType,
    sizeBytes: v.sizeBytes,
    sha256: v.sha256,
    uploadedBy: v.uploadedById ? (users.get(v.uploadedById) ?? null) : null,
    createdAt: v.createdAt.toISOString(),
  };
}

async function uploaders(manager: EntityManager, versions: readonly DocumentVersion[]): Promise<Map<string, UserRef>> {
  const ids = [...new Set(versions.flatMap((v) => (v.uploadedById ? [v.uploadedById] : [])))];
  const rows = ids.length
    ? await manager.getRepository(User).find({ select: { id: true, displayName: true }, where: { id: In(ids) } })
    : [];
  return new Map(rows.map((u) => [u.id, { id: u.id, displayName: u.displayName }]));
}

/** Documents with their current version and number of versions, in two queries. */
export async function documentViews(manager: EntityManager, docs: readonly StoredDocument[]): Promise<DocumentView[]> {
  if (docs.length === 0) return [];
  const current = await manager
    .getRepository(DocumentVersion)
    .createQueryBuilder('v')
    .innerJoin('documents', 'd', 'd.id = v.document_id AND d.current_version = v.number')
    .where('v.documentId IN (:...ids)', { ids: docs.map((d) => d.id) })
    .getMany();
  const users = await uploaders(manager, current);
  const byDocument = new Map(current.map((v) => [v.documentId, v]));
  return docs.map((d) => {
    const version = byDocument.get(d.id) as DocumentVersion;
    return {
      id: d.id,
      version: d.version,
      recordType: d.recordType,
      recordId: d.recordId,
      departementCode: d.departementCode,
      current: versionView(version, users),
      versionCount: d.currentVersion,
      downloadUrl: `/api/documents/${d.id}/content`,
      archivedAt: d.archivedAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  });
}

export async function documentDetail(manager: EntityManager, doc: StoredDocument): Promise<DocumentDetail> {
  const [view] = await documentViews(manager, [doc]);
  const versions = await manager
    .getRepository(DocumentVersion)
    .find({ where: { documentId: doc.id }, order: { number: 'DESC' } });
  const users = await uploaders(manager, versions);
  return { ...view, versions: versions.map((v) => versionView(v, users)) };
}

/** What the history shows of a document. */
export async function documentSnapshot(manager: EntityManager, doc: StoredDocument): Promise<Snapshot> {
  const current = await manager
    .getRepository(DocumentVersion)
    .findOneBy({ documentId: doc.id, number: doc.currentVersion });
  return {
    recordType: doc.recordType,
    recordId: doc.recordId,
    currentVersion: doc.currentVersion,
    fileName: current?.fileName ?? null,
    mediaType: current?.mediaType ?? null,
    sizeBytes: current?.sizeBytes ?? null,
    sha256: current?.sha256 ?? null,
    archivedAt: doc.archivedAt,
  };
}
