import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { BulkAction, BulkResource, BulkResult, Colleague, Priority, Role } from '@maillage/shared/domain';
import { attachmentName, bulkUrl } from '@maillage/web/util';
import { map, type Observable } from 'rxjs';

/** The records of a bulk request: chosen one by one, or every one matching the list's filters. */
export type BulkTarget = { ids: string[] } | { filters: Record<string, unknown> };

/** What an action adds to its target (`task` of `assign_task`, `owner` of `assign`). */
export interface BulkActionInput {
  task?: { title: string; description?: string; dueOn?: string; priority?: Priority; ownerId?: string };
  owner?: { ownerId: string | null };
}

/** A selection exported as CSV. */
export interface BulkExportFile {
  blob: Blob;
  fileName: string;
  /** Rows in the file. */
  count: number;
}

const COLLEAGUES_URL = '/api/users/colleagues';

/** Bulk actions and exports of the main lists (`POST /api/<list>/bulk`, `/bulk/export`). */
@Injectable({ providedIn: 'root' })
export class BulkApi {
  private readonly http = inject(HttpClient);

  run(resource: BulkResource, action: BulkAction, target: BulkTarget, input: BulkActionInput = {}) {
    return this.http.post<BulkResult>(bulkUrl(resource), { ...target, action, ...input });
  }

  export(resource: BulkResource, target: BulkTarget): Observable<BulkExportFile> {
    return this.http.post(bulkUrl(resource, '/export'), target, { observe: 'response', responseType: 'blob' }).pipe(
      map((response) => ({
        blob: response.body ?? new Blob([]),
        fileName: attachmentName(response.headers.get('Content-Disposition'), `${resource}.csv`),
        count: Number(response.headers.get('X-Exported-Count') ?? 0),
      })),
    );
  }

  /** Active colleagues of the département (of these roles), to give them records or tasks. */
  colleagues(roles: readonly Role[] = []): Observable<Colleague[]> {
    return this.http.get<Colleague[]>(COLLEAGUES_URL, { params: roles.length ? { role: roles.join(',') } : {} });
  }
}
