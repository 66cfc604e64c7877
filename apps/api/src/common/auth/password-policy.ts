import { normalizeSearchText, PASSWORD_MIN_LENGTH } from '@maillage/shared/domain';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as frenchDictionary, translations } from '@zxcvbn-ts/language-fr';

export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's score from 0 to 4; 3 means about 10^8 guesses or more ("safely unguessable"). */
export const PASSWORD_MIN_SCORE = 3;
/** Public in the README: never accepted outside the demo data. */
const DEMO_PASSWORD = 'demo-maillage-77';
/** Words every Maillage password would be guessed from first. */
const SITE_WORDS = ['maillage', 'departement', 'cdom', 'msu', 'medecin', 'stage'];

/** Who the password is for: their name and e-mail are the first guesses of an attacker. */
export interface PasswordOwner {
  email: string;
  displayName?: string | null;
  departementCode?: string | null;
}

let factory: ZxcvbnFactory | undefined;
function checker(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...frenchDictionary },
  });
  return factory;
}

/** The words of the owner and of the site, folded (lower case, no accents). */
function userWords(owner: PasswordOwner): string[] {
  const email = owner.email.trim().toLowerCase();
  const [local, domain = ''] = email.split('@');
  const words = [
    email,
    local,
    ...local.split(/[^a-z0-9]+/),
    ...domain.split('.'),
    ...(owner.displayName ?? '').split(/\s+/),
  ];
  if (owner.departementCode) words.push(owner.departementCode);
  return [...new Set([...words, ...SITE_WORDS].map((w) => normalizeSearchText(w).replace(/\s+/g, '')))].filter(
    (w) => w.length >= 2,
  );
}

/**
 * Why a password is refused, in French, or null when it is accepted: 12 characters at least,
 * not blank, not the public demo password, not made of the owner's name, e-mail or the site's
 * name, and hard to guess for zxcvbn with its French and common dictionaries (the owner's words
 * added), with and without its separators.
 */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `${PASSWORD_MIN_LENGTH} caractères au moins.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `${PASSWORD_MAX_LENGTH} caractères au plus.`;
  if (password.trim().length === 0) return 'un mot de passe ne peut pas être fait que d’espaces.';
  if (password.trim().toLowerCase() === DEMO_PASSWORD) {
    return 'c’est le mot de passe public des comptes de démonstration ; choisissez-en un autre.';
  }
  const words = userWords(owner);
  const check = (candidate: string) => checker().check(candidate, words);
  const results = [check(password), check(password.replace(/[\s\-_.@]+/g, ''))];
  const weakest = results.reduce((a, b) => (b.score < a.score ? b : a));
  if (weakest.score < PASSWORD_MIN_SCORE) {
    const advice = [weakest.feedback.warning, ...weakest.feedback.suggestions].filter(Boolean).join(' ');
    return `trop facile à deviner.${advice ? ` ${advice}` : ''} Une phrase de plusieurs mots peu courants convient bien.`;
  }
  const folded = normalizeSearchText(password).replace(/[^a-z0-9]/g, '');
  const rest = words
    .filter((w) => w.length >= 3)
    .sort((a, b) => b.length - a.length)
    .reduce((text, word) => text.split(word).join(''), folded)
    .replace(/[0-9]/g, '');
  if (rest.length < 6) {
    return 'il reprend votre nom, votre adresse e-mail ou le nom de l’application : ajoutez des mots à vous.';
  }
  return null;
}
