import { HttpClient } from '@angular/common/http';
import { inject, Injectable, type Signal, signal, type WritableSignal } from '@angular/core';
import type { CommuneSummary } from '@maillage/shared/domain';

/**
 * Names of communes known by INSEE code (referrals and intents store codes): one request per
 * code for the whole session; the code itself until the name arrives or if it cannot.
 */
@Injectable({ providedIn: 'root' })
export class CommuneNames {
  private readonly http = inject(HttpClient);
  private readonly names = new Map<string, WritableSignal<string>>();

  name(code: string): Signal<string> {
    let name = this.names.get(code);
    if (!name) {
      const created = signal(code);
      this.names.set(code, created);
      this.http.get<CommuneSummary>(`/api/communes/${encodeURIComponent(code)}`).subscribe({
        next: (commune) => created.set(commune.name),
        error: () => undefined,
      });
      name = created;
    }
    return name.asReadonly();
  }
}
