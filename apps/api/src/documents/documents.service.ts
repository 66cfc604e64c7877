import {
  DOCUMENT_RECORDS,
  type DocumentDetail,
  type DocumentRecordType,
  type DocumentView,
  hasPermission,
} from '@maillage/shared/domain';
import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { RETRY_AFTER_SECONDS } from '../common/errors/database-errors';
import { DomainException } from '../common/errors/domain-exception';
import {
  applyVersionedChange,
  archiveChange,
  type AuditActor,
  findScoped,
  type VersionedChange,
} from '../common/persistence/scoped-records';
import { updateVersioned } from '../common/persistence/versioned-update';
import type { Actor } from '../common/scope/territory-scope';
import { AppConfig } from '../config/app-config';
import { DocumentVersion } from './document-version.entity';
import { DOCUMENT_ENTITY, DOCUMENT_LABEL, documentDetail, documentSnapshot, documentViews } from './document-views';
import { StoredDocument } from './document.entity';
import { findRecord } from './record-access';
import { readMultipartFile } from './upload/multipart-file';
import { writeVersion } from './upload/version-writer';
import { versionContent } from './version-content';

/**
 * Uploads hold a database connection while the file streams in (one transaction: a refused file
 * leaves nothing behind), so that each instance accepts a few at a time and asks the others to wait.
 */
const MAX_CONCURRENT_UPLOADS = 3;

export interface Download {
  version: DocumentVersion;
  stream: Readable;
}

/** Files attached to records: list, upload, replace (versions), download, archive and restore. */
@Injectable()
export class DocumentsService {
  private uploads = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  private get maxBytes(): number {
    return this.config.DOCUMENTS_MAX_MB * 1024 * 1024;
  }

  /** The documents of a record, newest first; archived ones (`archived`) only for those who may restore them. */
  async list(actor: Actor, type: DocumentRecordType, recordId: string, archived = false): Promise<DocumentView[]> {
    await findRecord(this.db.manager, actor, type, recordId, archived ? 'write' : 'read');
    const docs = await this.db.getRepository(StoredDocument).find({
      where: { recordType: type, recordId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return documentViews(
      this.db.manager,
      docs.filter((d) => (d.archivedAt !== null) === archived),
    );
  }

  async get(actor: Actor, id: string): Promise<DocumentDetail> {
    const doc = await this.readable(this.db.manager, actor, id);
    return documentDetail(this.db.manager, doc);
  }

  /** Version `number` (default: the current one) as a stream of its chunks. */
  async download(actor: Actor, id: string, number?: number): Promise<Download> {
    const doc = await this.readable(this.db.manager, actor, id);
    const version = await this.db
      .getRepository(DocumentVersion)
      .findOneBy({ documentId: doc.id, number: number ?? doc.currentVersion });
    if (!version) throw DomainException.notFound('Version du document');
    return { version, stream: Readable.from(versionContent(this.db, version.id)) };
  }

  /** Attaches a new document to a record from a multipart upload (field `file`). */
  upload(actor: AuditActor, type: DocumentRecordType, recordId: string, req: Request): Promise<DocumentView> {
    return this.uploading(() =>
      this.db.transaction(async (manager) => {
        const record = await findRecord(manager, actor, type, recordId, 'write');
        if (record.archivedAt) {
          throw new DomainException(
            'INVALID_STATE',
            `${DOCUMENT_RECORDS[type].label} archivé : restaurez-le avant d’y joindre un document.`,
          );
        }
        const repo = manager.getRepository(StoredDocument);
        const doc = await repo.save(
          repo.create({
            departementCode: record.departementCode,
            recordType: type,
            recordId,
            currentVersion: 1,
            createdById: actor.id,
            archivedAt: null,
          }),
        );
        await readMultipartFile(req, this.maxBytes, (file) =>
          writeVersion(manager, file, {
            documentId: doc.id,
            number: 1,
            uploadedById: actor.id,
            maxBytes: this.maxBytes,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'created',
          entityType: DOCUMENT_ENTITY,
          entityId: doc.id,
          departementCode: doc.departementCode,
          after: await documentSnapshot(manager, doc),
        });
        const [view] = await documentViews(manager, [doc]);
        return view;
      }),
    );
  }

  /** Adds a version (the new current one) to a document read at `version`; 409 when it changed since. */
  replace(actor: AuditActor, id: string, version: number, req: Request): Promise<DocumentDetail> {
    return this.uploading(() =>
      this.db.transaction(async (manager) => {
        const doc = await this.writable(manager, actor, id, true);
        if (doc.version !== version) throw DomainException.versionConflict();
        if (doc.archivedAt) {
          throw new DomainException('INVALID_STATE', 'Ce document est archivé : restaurez-le avant de le remplacer.');
        }
        const before = await documentSnapshot(manager, doc);
        const number = doc.currentVersion + 1;
        await readMultipartFile(req, this.maxBytes, (file) =>
          writeVersion(manager, file, { documentId: doc.id, number, uploadedById: actor.id, maxBytes: this.maxBytes }),
        );
        await updateVersioned(manager, StoredDocument, id, version, { currentVersion: number }, DOCUMENT_LABEL);
        const after = await manager.getRepository(StoredDocument).findOneByOrFail({ id });
        await this.audit.record(manager, actor, {
          action: 'replaced',
          entityType: DOCUMENT_ENTITY,
          entityId: id,
          departementCode: after.departementCode,
          before,
          after: await documentSnapshot(manager, after),
        });
        return documentDetail(manager, after);
      }),
    );
  }

  /** Archives (`true`, the "delete" of the dashboard) or restores; without a version, the current one. */
  setArchived(actor: AuditActor, id: string, version: number | undefined, archived: boolean): Promise<DocumentDetail> {
    return this.db.transaction(async (manager) => {
      const doc = await this.writable(manager, actor, id, false);
      const change = archiveChange(this.base(manager, id, version ?? doc.version), archived);
      return documentDetail(manager, await applyVersionedChange(manager, this.audit, actor, change));
    });
  }

  /** A document whose record the actor may read; an archived one only for those who may write. */
  private async readable(manager: EntityManager, actor: Actor, id: string): Promise<StoredDocument> {
    const doc = await findScoped(manager, actor, StoredDocument, id, DOCUMENT_LABEL);
    await findRecord(manager, actor, doc.recordType, doc.recordId, 'read');
    if (doc.archivedAt && !hasPermission(actor.role, DOCUMENT_RECORDS[doc.recordType].write)) {
      throw DomainException.notFound(DOCUMENT_LABEL);
    }
    return doc;
  }

  private async writable(manager: EntityManager, actor: Actor, id: string, lock: boolean): Promise<StoredDocument> {
    const doc = await findScoped(manager, actor, StoredDocument, id, DOCUMENT_LABEL);
    await findRecord(manager, actor, doc.recordType, doc.recordId, 'write');
    if (!lock) return doc;
    return manager.getRepository(StoredDocument).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private base(
    manager: EntityManager,
    id: string,
    version: number,
  ): Omit<VersionedChange<StoredDocument>, 'action' | 'changes'> {
    return {
      target: StoredDocument,
      entityType: DOCUMENT_ENTITY,
      label: DOCUMENT_LABEL,
      id,
      version,
      snapshot: (row) => documentSnapshot(manager, row),
    };
  }

  private async uploading<T>(work: () => Promise<T>): Promise<T> {
    if (this.uploads >= MAX_CONCURRENT_UPLOADS) {
      // Slots held by uploads that wait for a slow database: say when to try again.
      throw Object.assign(
        new HttpException(
          'Trop d’envois de fichiers en cours : réessayez dans un instant.',
          HttpStatus.TOO_MANY_REQUESTS,
        ),
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
      );
    }
    this.uploads++;
    try {
      return await work();
    } finally {
      this.uploads--;
    }
  }
}
