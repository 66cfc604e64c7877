/** Luhn checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * RPPS number ("Identifiant PP" of the Annuaire Santé): 11 digits, the last one a Luhn check
 * digit. ("Identification nationale PP" is the same number prefixed with the type digit 8.)
 */
export function isValidRpps(value: string): boolean {
  return /^\d{11}$/.test(value) && luhnValid(value);
}

/** La Poste's establishments share SIREN 356000000 and use a digit-sum rule instead of Luhn. */
const LA_POSTE_SIREN = '356000000';

/** SIRET: 14 digits, Luhn-valid (with La Poste's exception). */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== `${LA_POSTE_SIREN}00048`) {
    const sum = [...value].reduce((s, c) => s + Number(c), 0);
    return sum % 5 === 0;
  }
  return luhnValid(value);
}
