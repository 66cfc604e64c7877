import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RppsLoadView, ZonageImportReport } from '@maillage/shared/domain';
import { uploadFile, uploadResult, type UploadState } from '@maillage/web/util';
import type { Observable } from 'rxjs';

export const RPPS_LOADS_URL = '/api/rpps/loads';
const ZONAGES_IMPORT_URL = '/api/communes/zonages/import';
const CONTOURS_URL = '/api/communes/contours';

/** What loading contours did (`POST /api/communes/contours`, `…/refresh`). */
export interface ContoursReport {
  source: string;
  loaded: number;
  rejected: { code: string | null; name: string | null; reason: string }[];
  /** Communes of the territory that still have no contour. */
  missing: string[];
}

/** The administrator's loads of reference data: the RPPS extract, the ARS zonage, the commune contours. */
@Injectable({ providedIn: 'root' })
export class ReferenceDataApi {
  private readonly http = inject(HttpClient);

  /** The national extract: the answer comes once it is loaded (the history shows its progress meanwhile). */
  loadRpps(file: File): Observable<UploadState<RppsLoadView>> {
    return uploadFile<RppsLoadView>(this.http, RPPS_LOADS_URL, file, { fileName: file.name });
  }

  /** `apply=false`: what the file would do; `true`: recorded in one transaction. */
  importZonages(file: File, apply: boolean): Observable<ZonageImportReport> {
    return uploadResult(
      uploadFile<ZonageImportReport>(this.http, ZONAGES_IMPORT_URL, file, { fileName: file.name, apply }),
    );
  }

  uploadContours(file: File): Observable<ContoursReport> {
    return uploadResult(uploadFile<ContoursReport>(this.http, CONTOURS_URL, file, { fileName: file.name }));
  }

  refreshContours(): Observable<ContoursReport> {
    return this.http.post<ContoursReport>(`${CONTOURS_URL}/refresh`, {});
  }
}
