import { type HttpClient, type HttpEvent, HttpEventType, type HttpParams } from '@angular/common/http';
import { filter, map, type Observable } from 'rxjs';

/** Where an upload stands: the share of the file sent (0–1, `null` while unknown), then the answer. */
export type UploadState<T> = { done: false; sent: number | null } | { done: true; result: T };

/**
 * Sends a file as the raw body of `POST url` (the API reads the file itself, not a form): the
 * type is `application/octet-stream` whatever the file's name says, since the API tells a file's
 * kind from its first bytes. Emits the progress of the upload, then the answer.
 */
export function uploadFile<T>(
  http: HttpClient,
  url: string,
  file: Blob,
  params: HttpParams | Record<string, string | number | boolean> = {},
): Observable<UploadState<T>> {
  return http
    .post<T>(url, file, {
      params,
      headers: { 'Content-Type': 'application/octet-stream' },
      reportProgress: true,
      observe: 'events',
    })
    .pipe(
      filter((event) => event.type === HttpEventType.UploadProgress || event.type === HttpEventType.Response),
      map((event: HttpEvent<T>): UploadState<T> => {
        if (event.type === HttpEventType.Response) return { done: true, result: event.body as T };
        if (event.type === HttpEventType.UploadProgress) {
          return { done: false, sent: event.total ? event.loaded / event.total : null };
        }
        return { done: false, sent: null };
      }),
    );
}

/** The answer of an upload, once it came (for callers that show no progress). */
export function uploadResult<T>(states: Observable<UploadState<T>>): Observable<T> {
  return states.pipe(
    filter((state): state is { done: true; result: T } => state.done),
    map((state) => state.result),
  );
}
