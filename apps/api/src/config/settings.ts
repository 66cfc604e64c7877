/**
 * How one environment variable becomes a setting: its default when unset or empty, and how its
 * text is read (a French reason when it is refused). `app-config.ts` lists the settings with these.
 */
export interface Setting<T> {
  readonly fallback: T;
  /** The value of `raw` (a non-empty text), or why it is refused (the variable's name first). */
  read(raw: string, name: string): { value: T } | { refused: string };
}

export type SettingTable = Record<string, Setting<unknown>>;

/** The values a table of settings gives. */
export type SettingValues<S extends SettingTable> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

/** A whole number from `min` (and up to `max`). */
export function integer(fallback: number, min: number, max = Number.POSITIVE_INFINITY): Setting<number> {
  const range = max === Number.POSITIVE_INFINITY ? `d’au moins ${min}` : `de ${min} à ${max}`;
  return {
    fallback,
    read: (raw, name) => {
      const value = raw.trim() === '' ? Number.NaN : Number(raw);
      return Number.isInteger(value) && value >= min && value <= max
        ? { value }
        : { refused: `${name} doit être un nombre entier ${range}` };
    },
  };
}

/** Yes or no: `true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off` (any case); a typo is refused, not read as false. */
export function flag(fallback: boolean): Setting<boolean> {
  return {
    fallback,
    read: (raw, name) => {
      const word = raw.trim().toLowerCase();
      if (TRUE_WORDS.includes(word)) return { value: true };
      if (FALSE_WORDS.includes(word)) return { value: false };
      return { refused: `${name} vaut true ou false (1/0, yes/no, on/off)` };
    },
  };
}

/** One of a few words. */
export function oneOf<const W extends string>(words: readonly W[], fallback: W): Setting<W> {
  return {
    fallback,
    read: (raw, name) =>
      (words as readonly string[]).includes(raw)
        ? { value: raw as W }
        : { refused: `${name} doit valoir ${words.slice(0, -1).join(', ')} ou ${words[words.length - 1]}` },
  };
}

/** Any text, as written. */
export function text(fallback: string): Setting<string>;
export function text(): Setting<string | undefined>;
export function text(fallback?: string): Setting<string | undefined> {
  return { fallback, read: (raw) => ({ value: raw }) };
}

/** An optional text of a given form, `message` when it has another one. */
export function matching(pattern: RegExp, message: string): Setting<string | undefined> {
  return { fallback: undefined, read: (raw) => (pattern.test(raw) ? { value: raw } : { refused: message }) };
}

/** A comma-separated list, items trimmed and blank ones dropped, each of a given form. */
export function listOf(pattern: RegExp, message: string, fallback: string[]): Setting<string[]> {
  return {
    fallback,
    read: (raw) => {
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      return items.every((item) => pattern.test(item)) ? { value: items } : { refused: message };
    },
  };
}

/** The defaults of a table of settings (copies: a list changed by one reader is not changed for all). */
export function defaultsOf<S extends SettingTable>(table: S): SettingValues<S> {
  return Object.fromEntries(
    Object.entries(table).map(([name, s]) => [name, structuredClone(s.fallback)]),
  ) as SettingValues<S>;
}

/**
 * Reads every setting of `table` from `env` (an empty variable counts as unset). Returns the values
 * and one line per refused variable, `NAME ("text"): reason`.
 */
export function readSettings<S extends SettingTable>(
  table: S,
  env: Record<string, string | undefined>,
): { values: SettingValues<S>; refusals: string[] } {
  const values: Record<string, unknown> = defaultsOf(table);
  const refusals: string[] = [];
  for (const [name, setting] of Object.entries(table)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const reading = setting.read(raw, name);
    if ('refused' in reading) refusals.push(`${name} (${JSON.stringify(raw)}): ${reading.refused}`);
    else values[name] = reading.value;
  }
  return { values: values as SettingValues<S>, refusals };
}
