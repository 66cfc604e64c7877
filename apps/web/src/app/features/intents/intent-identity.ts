import { initialsOf, type InstallationIntentInput } from '@maillage/shared/domain';

/** The identity fields of the intent form. */
export interface IntentIdentityForm {
  consent: boolean;
  firstName: string;
  lastName: string;
  initials: string;
}

export const INITIALS_MAX = 20;
/** What the API accepts as initials: letters, dots, hyphens and spaces, a letter first. */
export const INITIALS_PATTERN = /^[\p{L}][\p{L}. -]{0,19}$/u;

/** "Marie-Claire Dupont" → "M.-C. D.", cut to what the API stores. */
export function initialsFor(firstName: string, lastName: string): string {
  if (!firstName.trim() || !lastName.trim()) return '';
  return initialsOf(firstName, lastName).slice(0, INITIALS_MAX).trim();
}

/**
 * The identity sent to the API (GDPR): with consent the names (the API computes the initials);
 * without consent only the initials — names are neither kept nor sent.
 */
export function identityPayload(
  form: IntentIdentityForm,
): Pick<InstallationIntentInput, 'consent' | 'firstName' | 'lastName' | 'initials'> {
  if (form.consent) return { consent: true, firstName: form.firstName.trim(), lastName: form.lastName.trim() };
  return { consent: false, firstName: null, lastName: null, initials: form.initials.trim() };
}
