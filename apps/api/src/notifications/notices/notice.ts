import type { NotificationKind, Role } from '@maillage/shared/domain';

import type { EmailContent } from '../../mail/email-layout';

/** Who receives a notice. */
export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

/** One notice for one recipient: the in-app line and the e-mail that may go with it. */
export interface Notice {
  kind: NotificationKind;
  departementCode: string;
  /** Names the logical notice; with the recipient's id it is unique. */
  key: string;
  title: string;
  body: string;
  /** A route of the dashboard. */
  link: string;
  email: EmailContent;
}

/** Shortens a text for an in-app line. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
