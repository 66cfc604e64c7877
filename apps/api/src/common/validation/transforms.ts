/** `class-transformer` functions shared by the DTOs (`@Transform(trim)`). */
type Input = { value: unknown };

/** Trims strings (other values are left for the validators to refuse). */
export const trim = ({ value }: Input) => (typeof value === 'string' ? value.trim() : value);

/** Trims strings; a blank one becomes `null` (the field is cleared). */
export const emptyToNull = ({ value }: Input) => (typeof value === 'string' ? value.trim() || null : value);

/** `?status=a&status=b` or `?status=a,b`: a list of trimmed items, blank ones dropped. */
export const toList = ({ value }: Input) =>
  typeof value === 'string' || Array.isArray(value)
    ? [value]
        .flat()
        .flatMap((v: unknown) => (typeof v === 'string' ? v.split(',') : [v]))
        .map((v) => (typeof v === 'string' ? v.trim() : v))
        .filter((v) => v !== '')
    : value;

/** Query-string booleans: `true`/`false` only; anything else stays as is and fails validation. */
export const toBoolean = ({ value }: Input) => (value === 'true' ? true : value === 'false' ? false : value);
