const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const NUMBERS = new Intl.NumberFormat('fr-FR');

/** « 12 500 € » (French grouping and symbol after the amount). */
export function euros(amount: number): string {
  return EUROS.format(amount);
}

/** « 1 240 » (French digit grouping). */
export function frenchNumber(value: number): string {
  return NUMBERS.format(value);
}
