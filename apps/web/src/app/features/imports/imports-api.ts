import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  IMPORT_KINDS,
  IMPORT_STATUSES,
  type ImportJobView,
  type ImportKind,
  type ImportMapping,
  PAGE_SIZE_DEFAULT,
} from '@maillage/shared/domain';
import { defineList, oneOfParam, uploadFile, type UploadState } from '@maillage/web/util';
import type { Observable } from 'rxjs';

export const IMPORTS_URL = '/api/imports';

/** The history of imports, in the URL: `/imports?type=sites&statut=applied`. */
export const IMPORT_LIST = defineList({
  filters: {
    kind: oneOfParam('type', IMPORT_KINDS),
    status: oneOfParam('statut', IMPORT_STATUSES),
  },
  paging: { pageSize: PAGE_SIZE_DEFAULT },
});

/** While the API works on a job (reading the file, applying it), the page asks again this often. */
export const POLL_MS = 1000;

/** Whether the API is still working on the job (its progress moves). */
export function isWorking(job: Pick<ImportJobView, 'status'>): boolean {
  return job.status === 'analysing' || job.status === 'applying';
}

/** The writes of the import screens; the history and the rows read through `httpResource`. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  /** Sends the file: the API answers at once (202) and reads it in the background. */
  upload(kind: ImportKind, file: File): Observable<UploadState<ImportJobView>> {
    return uploadFile<ImportJobView>(this.http, IMPORTS_URL, file, { kind, fileName: file.name });
  }

  get(id: string): Observable<ImportJobView> {
    return this.http.get<ImportJobView>(`${IMPORTS_URL}/${id}`);
  }

  /** New column choices (remembered for the next file): the preview is computed again. */
  setMapping(id: string, mapping: ImportMapping): Observable<ImportJobView> {
    return this.http.put<ImportJobView>(`${IMPORTS_URL}/${id}/mapping`, { mapping });
  }

  apply(id: string): Observable<ImportJobView> {
    return this.http.post<ImportJobView>(`${IMPORTS_URL}/${id}/apply`, {});
  }

  undo(id: string): Observable<ImportJobView> {
    return this.http.post<ImportJobView>(`${IMPORTS_URL}/${id}/undo`, {});
  }

  /** Drops a preview that was not applied (and the rows of its file). */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${IMPORTS_URL}/${id}`);
  }
}
