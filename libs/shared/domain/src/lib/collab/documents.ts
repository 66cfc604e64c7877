import type { Permission } from '../permissions';
import type { UserRef } from '../registry/api-people';

/** Records that documents may be attached to. */
export const DOCUMENT_RECORD_TYPES = ['site', 'accreditation', 'site_visit', 'referral', 'committee_meeting'] as const;
export type DocumentRecordType = (typeof DOCUMENT_RECORD_TYPES)[number];

/**
 * A document is read and written with the permissions of its record (and within its record's
 * département and visibility rules): there is no permission of its own.
 */
export const DOCUMENT_RECORDS: Readonly<
  Record<DocumentRecordType, { label: string; path: string; read: Permission; write: Permission }>
> = {
  site: { label: 'Terrain de stage', path: 'sites', read: 'sites.read', write: 'sites.write' },
  accreditation: {
    label: 'Agrément',
    path: 'accreditations',
    read: 'accreditations.read',
    write: 'accreditations.write',
  },
  site_visit: { label: 'Visite', path: 'site-visits', read: 'visits.read', write: 'visits.write' },
  referral: {
    label: 'Signalement',
    path: 'candidate-referrals',
    read: 'referrals.read',
    write: 'referrals.handle',
  },
  committee_meeting: {
    label: 'Réunion de comité',
    path: 'committee-meetings',
    read: 'committees.read',
    write: 'committees.write',
  },
};

/** File types accepted, recognised from their content (not their name). */
export const DOCUMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'Image PNG' },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'Image JPEG' },
  gif: { mediaType: 'image/gif', extensions: ['gif'], label: 'Image GIF' },
  webp: { mediaType: 'image/webp', extensions: ['webp'], label: 'Image WebP' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Document Word',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Classeur Excel',
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: 'Présentation PowerPoint',
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'Texte OpenDocument' },
  ods: {
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    label: 'Classeur OpenDocument',
  },
  odp: {
    mediaType: 'application/vnd.oasis.opendocument.presentation',
    extensions: ['odp'],
    label: 'Présentation OpenDocument',
  },
  doc: { mediaType: 'application/msword', extensions: ['doc'], label: 'Document Word 97-2003' },
  xls: { mediaType: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Classeur Excel 97-2003' },
  ppt: { mediaType: 'application/vnd.ms-powerpoint', extensions: ['ppt'], label: 'Présentation PowerPoint 97-2003' },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_TYPE_KEYS = Object.keys(DOCUMENT_TYPES) as DocumentType[];

/** The type a file name claims by its extension, or `null`. */
export function documentTypeOfName(fileName: string): DocumentType | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!extension) return null;
  return (
    DOCUMENT_TYPE_KEYS.find((t) => (DOCUMENT_TYPES[t].extensions as readonly string[]).includes(extension)) ?? null
  );
}

/** The type a media type names, or `null` (generic ones such as `application/octet-stream` name none). */
export function documentTypeOfMediaType(mediaType: string): DocumentType | null {
  const bare = mediaType.split(';')[0].trim().toLowerCase();
  return DOCUMENT_TYPE_KEYS.find((t) => DOCUMENT_TYPES[t].mediaType === bare) ?? null;
}

export const DOCUMENTS_MAX_MB_DEFAULT = 20;

export interface DocumentVersionView {
  number: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  uploadedBy: UserRef | null;
  createdAt: string;
}

export interface DocumentView {
  id: string;
  version: number;
  recordType: DocumentRecordType;
  recordId: string;
  departementCode: string;
  /** The current version. */
  current: DocumentVersionView;
  versionCount: number;
  /** `GET` it to download the current version (`?version=n` for an older one). */
  downloadUrl: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentDetail extends DocumentView {
  /** Every version, the newest first. */
  versions: DocumentVersionView[];
}
