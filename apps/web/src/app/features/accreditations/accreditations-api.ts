import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ACCREDITATION_SORT_FIELDS,
  ACCREDITATION_STATUSES,
  ACCREDITATION_VALIDITIES,
  type AccreditationDetail,
  type AccreditationInput,
  type AccreditationStatus,
  type AccreditationSummary,
  canChangeAccreditationStatus,
  canRenewAccreditation,
  CYCLES,
  PAGE_SIZE_DEFAULT,
  STAGE_TYPES,
} from '@maillage/shared/domain';
import { defineList, idParam, oneOfParam, textParam } from '@maillage/web/util';
import type { Observable } from 'rxjs';

export const ACCREDITATIONS_URL = '/api/accreditations';
export const ACCREDITATION_CONFLICT_MESSAGE = 'Cet agrément a été modifié entre-temps : rechargez la liste.';

/** What the list shows, kept in the URL: `/agrements?validite=expiring_soon&cycle=3&tri=endDate:asc`. */
export const ACCREDITATION_LIST = defineList({
  filters: {
    q: textParam('q'),
    status: oneOfParam('statut', ACCREDITATION_STATUSES),
    validity: oneOfParam('validite', ACCREDITATION_VALIDITIES),
    cycle: oneOfParam('cycle', CYCLES),
    stageType: oneOfParam('stage', STAGE_TYPES),
    /** Holder filters (from a site's or a professional's page). */
    site: idParam('terrain'),
    professional: idParam('professionnel'),
  },
  /** The soonest end dates first: what needs attention. */
  sort: { fields: ACCREDITATION_SORT_FIELDS, default: { field: 'endDate', direction: 'asc' } },
  paging: { pageSize: PAGE_SIZE_DEFAULT },
});

/** The business actions of an accreditation (`POST /api/accreditations/:id/<action>`). */
export type AccreditationAction = 'review' | 'grant' | 'renew' | 'withdraw' | 'expire';

export const ACCREDITATION_ACTION_LABELS: Readonly<Record<AccreditationAction, string>> = {
  review: 'Mettre en instruction',
  grant: 'Accorder l’agrément',
  renew: 'Renouveler l’agrément',
  withdraw: 'Retirer l’agrément',
  expire: 'Constater l’expiration',
};

/** The actions the status allows, in the order of the menu. */
export function availableActions(status: AccreditationStatus): AccreditationAction[] {
  const actions: AccreditationAction[] = [];
  if (canChangeAccreditationStatus(status, 'under_review')) actions.push('review');
  if (canChangeAccreditationStatus(status, 'granted') || canChangeAccreditationStatus(status, 'conditional')) {
    actions.push('grant');
  }
  if (canChangeAccreditationStatus(status, 'withdrawn')) actions.push('withdraw');
  if (canChangeAccreditationStatus(status, 'expired')) actions.push('expire');
  return actions;
}

/** The actions of one accreditation: its status's, and « Renouveler » first when it may be renewed. */
export function actionsFor(a: AccreditationSummary): AccreditationAction[] {
  return [...(canRenewAccreditation(a) ? (['renew'] as const) : []), ...availableActions(a.status)];
}

/** What each action says once done. */
export const ACCREDITATION_ACTION_DONE: Readonly<Record<AccreditationAction, string>> = {
  review: 'Demande mise en instruction.',
  grant: 'Agrément accordé.',
  renew: 'Agrément renouvelé : le renouvellement suit sa fin, sans interruption.',
  withdraw: 'Agrément retiré.',
  expire: 'Expiration enregistrée.',
};

export const ACCREDITATION_ACTION_ICONS: Readonly<Record<AccreditationAction, string>> = {
  review: 'pending_actions',
  grant: 'verified',
  renew: 'autorenew',
  withdraw: 'remove_moderator',
  expire: 'event_busy',
};

export interface AccreditationActionBody {
  version: number;
  note?: string;
  /** grant */
  startDate?: string;
  endDate?: string;
  reference?: string;
  /** withdraw */
  date?: string;
  /** renew: `granted` (the decision) or `requested` (the file) */
  status?: 'granted' | 'requested';
}

@Injectable({ providedIn: 'root' })
export class AccreditationsApi {
  private readonly http = inject(HttpClient);

  act(
    accreditation: AccreditationSummary,
    action: AccreditationAction,
    body: Omit<AccreditationActionBody, 'version'>,
  ): Observable<AccreditationDetail> {
    return this.http.post<AccreditationDetail>(`${ACCREDITATIONS_URL}/${accreditation.id}/${action}`, {
      ...body,
      version: accreditation.version,
    });
  }

  /** A request (`requested`) for a professional or a site. */
  create(body: AccreditationInput): Observable<AccreditationDetail> {
    return this.http.post<AccreditationDetail>(ACCREDITATIONS_URL, body);
  }
}
