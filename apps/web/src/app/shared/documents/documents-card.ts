import { NgTemplateOutlet } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  DOCUMENT_RECORDS,
  DOCUMENT_TYPE_KEYS,
  DOCUMENT_TYPES,
  type DocumentDetail,
  type DocumentRecordType,
  type DocumentView,
} from '@maillage/shared/domain';
import { FormErrors, FrenchDatePipe, LoadError, Notifications, RowMenu, type RowAction } from '@maillage/web/ui';
import { actionSubmission, frenchNumber } from '@maillage/web/util';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { DocumentsApi } from './documents-api';

/** What the file picker offers (the server checks the content anyway). */
const ACCEPT = DOCUMENT_TYPE_KEYS.flatMap((t) => DOCUMENT_TYPES[t].extensions.map((e) => `.${e}`)).join(',');

type DocumentAction = 'replace' | 'versions' | 'archive';

let nextId = 0;

/** Sizes in French: « 1,2 Mo », « 340 ko ». */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${frenchNumber(Math.round(bytes / 104_857.6) / 10)} Mo`;
  return `${frenchNumber(Math.max(1, Math.round(bytes / 1024)))} ko`;
}

/**
 * « Documents » of a record (site, agrément, visit, referral, committee meeting): list, download,
 * attach, replace (versions kept), delete (archived). One component for every kind of record; the
 * buttons follow the record's write permission in the one map, the API checks it again.
 */
@Component({
  selector: 'app-documents-card',
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    FormErrors,
    FrenchDatePipe,
    LoadError,
    RowMenu,
  ],
  templateUrl: './documents-card.html',
  styleUrl: './documents-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentsCard {
  private readonly api = inject(DocumentsApi);
  private readonly auth = inject(AuthStore);
  private readonly notifications = inject(Notifications);

  readonly recordType = input.required<DocumentRecordType>();
  readonly recordId = input.required<string>();
  /** An archived record takes no new document. */
  readonly archived = input(false);
  /** Without the card frame (inside a dialog). */
  readonly plain = input(false);

  protected readonly accept = ACCEPT;
  protected readonly fileSize = fileSize;
  protected readonly documents = httpResource<DocumentView[]>(() =>
    this.api.listUrl(this.recordType(), this.recordId()),
  );
  protected readonly canWrite = computed(
    () => this.auth.can(DOCUMENT_RECORDS[this.recordType()].write) && !this.archived(),
  );
  protected readonly action = actionSubmission();
  /** Sending a file (new or a new version): its refusal (type, content, size) is said at the file button. */
  protected readonly upload = actionSubmission();
  protected readonly fileError = computed(() =>
    [...this.upload.messages().map((m) => m.text), this.upload.conflict() ?? ''].join(' ').trim(),
  );
  protected readonly fileErrorId = `documents-file-error-${nextId++}`;
  /** The document whose versions are shown. */
  protected readonly opened = signal<DocumentDetail | null>(null);
  private replacing: DocumentView | null = null;

  protected typeLabel(mediaType: string): string {
    return DOCUMENT_TYPE_KEYS.map((t) => DOCUMENT_TYPES[t]).find((t) => t.mediaType === mediaType)?.label ?? 'Fichier';
  }

  protected actionsOf(): RowAction<DocumentAction>[] {
    const versions: RowAction<DocumentAction> = { key: 'versions', label: 'Versions précédentes', icon: 'history' };
    if (!this.canWrite()) return [versions];
    return [
      { key: 'replace', label: 'Remplacer par une nouvelle version', icon: 'upload_file' },
      versions,
      { key: 'archive', label: 'Supprimer', icon: 'delete' },
    ];
  }

  protected async onAction(document: DocumentView, key: DocumentAction, picker: HTMLInputElement): Promise<void> {
    if (key === 'replace') {
      this.replacing = document;
      picker.click();
    } else if (key === 'versions') {
      this.opened.set(await firstValueFrom(this.api.detail(document.id)));
    } else {
      const confirmed = await firstValueFrom(
        this.notifications.confirm({
          title: 'Supprimer le document ?',
          message: `« ${document.current.fileName} » et ses versions seront archivés : un administrateur peut les restaurer.`,
          confirm: 'Supprimer',
        }),
      );
      if (!confirmed) return;
      await this.action.run(() => this.api.archive(document), {
        success: 'Document supprimé.',
        then: () => void this.documents.reload(),
      });
    }
  }

  protected pickNew(picker: HTMLInputElement): void {
    this.replacing = null;
    picker.click();
  }

  protected async onFile(picker: HTMLInputElement): Promise<void> {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    const replacing = this.replacing;
    this.replacing = null;
    await this.upload.run(
      () => (replacing ? this.api.replace(replacing, file) : this.api.upload(this.recordType(), this.recordId(), file)),
      {
        success: replacing ? 'Nouvelle version enregistrée.' : 'Document joint.',
        then: () => {
          this.opened.set(null);
          this.documents.reload();
        },
      },
    );
  }
}
