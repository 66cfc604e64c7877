import { HttpErrorResponse } from '@angular/common/http';

/** The error body of the API (see API.md, "Errors"). */
interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  code?: string;
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'message' in value;
}

/** What to tell a person for a status the screen has no better words for. */
export function genericMessage(status: number): string {
  switch (status) {
    case 0:
      return 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.';
    case 401:
      return 'Votre session a expiré : reconnectez-vous.';
    case 403:
      return 'Votre rôle ne permet pas cette action.';
    case 404:
      return 'Élément introuvable : il a peut-être été supprimé.';
    case 409:
      return 'Cet élément a été modifié entre-temps : rechargez la page.';
    case 413:
      return 'Le fichier envoyé est trop volumineux.';
    case 429:
      return 'Trop de tentatives : réessayez dans une minute.';
    default:
      return status >= 500
        ? 'Une erreur inattendue est survenue côté serveur. Réessayez plus tard.'
        : 'La demande n’a pas pu être traitée.';
  }
}

/**
 * The messages to show for a failed call: the API's own `message` (string or list) when it sent
 * one for a 400, 409 or 413, otherwise a French sentence for the status.
 */
export function errorMessages(error: unknown): string[] {
  if (!(error instanceof HttpErrorResponse)) return [genericMessage(-1)];
  const body: unknown = error.error;
  // 413: the API says the size allowed (« … dépasse la taille maximale autorisée (20 Mo). »).
  if ((error.status === 400 || error.status === 409 || error.status === 413) && isApiErrorBody(body)) {
    const messages = Array.isArray(body.message) ? body.message : [body.message];
    const texts = messages.filter((m): m is string => typeof m === 'string' && m.trim() !== '');
    if (texts.length > 0) return texts;
  }
  return [genericMessage(error.status)];
}

/** `errorMessages` as one sentence, for a notice. */
export function errorText(error: unknown): string {
  return errorMessages(error).join(' ');
}

export function httpStatus(error: unknown): number | null {
  return error instanceof HttpErrorResponse ? error.status : null;
}

/** The domain code of an API error (`VERSION_CONFLICT`, `DUPLICATE`, `INVALID_STATE`…), if any. */
export function apiErrorCode(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string') return body.code;
  return null;
}

/**
 * A 409 because the version read is stale (someone saved meanwhile). Other 409s (an archived
 * record, a state that forbids the change, a duplicate) carry their own code and message.
 */
export function isVersionConflict(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return false;
  const code = apiErrorCode(error);
  return code === null || code === 'VERSION_CONFLICT';
}

/** How a screen that failed to load its data should say so. */
export type LoadFailure =
  | { kind: 'forbidden'; message: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'other'; message: string };

/**
 * A failed load, sorted: 403 (the role may not read this: the screen says « Accès refusé »),
 * 404 (gone or out of the user's territory), anything else (with « Réessayer »).
 * `notFound` is the sentence for a 404 of this screen (« Ce terrain est introuvable… »).
 */
export function loadFailure(error: unknown, notFound?: string): LoadFailure | null {
  if (error === undefined || error === null) return null;
  const status = httpStatus(error);
  if (status === 403) return { kind: 'forbidden', message: genericMessage(403) };
  if (status === 404) return { kind: 'not-found', message: notFound ?? genericMessage(404) };
  return { kind: 'other', message: errorText(error) };
}
