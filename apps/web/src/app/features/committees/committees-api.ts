import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  COMMITTEE_KINDS,
  ORGANISATION_LABELS,
  ORGANISATIONS,
  type CommitteeMeetingDetail,
  type CommitteeMeetingInput,
  type CommitteeMeetingSummary,
  type MeetingActionInput,
  type MeetingAttendee,
  type Organisation,
} from '@maillage/shared/domain';
import { defineList, oneOfParam } from '@maillage/web/util';
import type { Observable } from 'rxjs';

export const COMMITTEES_URL = '/api/committee-meetings';
export const MEETING_CONFLICT_MESSAGE =
  'Cette réunion a été modifiée entre-temps par une autre personne : rechargez-la avant d’enregistrer.';

/** The list's filter, in the URL: `/comites?type=strategic`. A département holds a handful of meetings a year: no paging. */
export const MEETING_LIST = defineList({
  filters: { kind: oneOfParam('type', COMMITTEE_KINDS) },
  paging: false,
});

/** The meetings of the list, split around today: upcoming (soonest first), then past (latest first). */
export interface MeetingSplit {
  upcoming: CommitteeMeetingSummary[];
  past: CommitteeMeetingSummary[];
}

/**
 * `today` is an ISO date (`yyyy-mm-dd`): a meeting of today is upcoming while it is still
 * programmed; once recorded as held (or cancelled) it is with the past ones.
 */
export function splitMeetings(items: readonly CommitteeMeetingSummary[], today: string): MeetingSplit {
  const isUpcoming = (m: CommitteeMeetingSummary) => m.heldOn > today || (m.heldOn === today && m.status === 'planned');
  const upcoming = items.filter(isUpcoming).sort((x, y) => x.heldOn.localeCompare(y.heldOn));
  const past = items.filter((m) => !isUpcoming(m)).sort((x, y) => y.heldOn.localeCompare(x.heldOn));
  return { upcoming, past };
}

export interface AttendeeGroup {
  organisation: Organisation;
  label: string;
  attendees: MeetingAttendee[];
  present: number;
}

/** The attendees by organisation, in the fixed order of `ORGANISATIONS`; names sorted inside a group. */
export function groupAttendees(attendees: readonly MeetingAttendee[]): AttendeeGroup[] {
  return ORGANISATIONS.map((organisation) => {
    const members = attendees
      .filter((a) => a.organisation === organisation)
      .sort((x, y) => x.name.localeCompare(y.name, 'fr'));
    return {
      organisation,
      label: ORGANISATION_LABELS[organisation],
      attendees: members,
      present: members.filter((a) => a.present).length,
    };
  }).filter((g) => g.attendees.length > 0);
}

/** « 8 participants, dont 6 présents ». */
export function attendanceText(attendees: readonly MeetingAttendee[]): string {
  const n = attendees.length;
  if (n === 0) return 'Aucun participant inscrit';
  const present = attendees.filter((a) => a.present).length;
  const head = n === 1 ? '1 participant' : `${n} participants`;
  return `${head}, dont ${present} ${present > 1 ? 'présents' : 'présent'}`;
}

@Injectable({ providedIn: 'root' })
export class CommitteesApi {
  private readonly http = inject(HttpClient);

  create(input: CommitteeMeetingInput): Observable<CommitteeMeetingDetail> {
    return this.http.post<CommitteeMeetingDetail>(COMMITTEES_URL, input);
  }

  /** Saves from the version read, sent as `If-Match`: a 409 tells the meeting changed meanwhile. */
  update(
    meeting: { id: string; version: number },
    changes: Partial<CommitteeMeetingInput>,
  ): Observable<CommitteeMeetingDetail> {
    return this.http.patch<CommitteeMeetingDetail>(`${COMMITTEES_URL}/${meeting.id}`, changes, {
      headers: { 'If-Match': `"${meeting.version}"` },
    });
  }

  archive(meeting: { id: string; version: number }): Observable<void> {
    return this.http.delete<void>(`${COMMITTEES_URL}/${meeting.id}`, {
      headers: { 'If-Match': `"${meeting.version}"` },
    });
  }

  /** Turns action items into tasks about the meeting; answers the meeting with its actions. */
  addActions(meetingId: string, items: MeetingActionInput[]): Observable<CommitteeMeetingDetail> {
    return this.http.post<CommitteeMeetingDetail>(`${COMMITTEES_URL}/${meetingId}/actions`, { items });
  }
}
