import { HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  DOCUMENT_RECORDS,
  type DocumentDetail,
  type DocumentRecordType,
  type DocumentView,
} from '@maillage/shared/domain';

/** The documents attached to a record, through the record's own permissions. */
@Injectable({ providedIn: 'root' })
export class DocumentsApi {
  private readonly http = inject(HttpClient);

  listUrl(type: DocumentRecordType, recordId: string): string {
    return `/api/${DOCUMENT_RECORDS[type].path}/${recordId}/documents`;
  }

  upload(type: DocumentRecordType, recordId: string, file: File) {
    return this.http.post<DocumentView>(this.listUrl(type, recordId), formOf(file));
  }

  replace(document: DocumentView, file: File) {
    return this.http.post<DocumentView>(`/api/documents/${document.id}/versions`, formOf(file), {
      headers: ifMatch(document.version),
    });
  }

  detail(id: string) {
    return this.http.get<DocumentDetail>(`/api/documents/${id}`);
  }

  archive(document: DocumentView) {
    return this.http.delete<void>(`/api/documents/${document.id}`, { headers: ifMatch(document.version) });
  }
}

function formOf(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

const ifMatch = (version: number) => new HttpHeaders({ 'If-Match': `"${version}"` });
