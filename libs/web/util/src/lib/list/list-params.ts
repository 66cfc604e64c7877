/**
 * Query parameters ↔ typed list state. A list page declares its filters once (`defineList`), in
 * French for the URL (`?statut=active&tri=name:desc`) and with the API's names for the request;
 * the definition reads a shared link (anything unknown falls back to the default: a link never
 * breaks the page), writes the URL of a state (defaults left out) and builds the API parameters.
 */

/** A value sent to the API as a query parameter. */
export type ApiParam = string | number | boolean;
export type ApiParams = Record<string, ApiParam>;

/** One filter: its URL parameter, its default and how it reads, writes and reaches the API. */
export interface ParamCodec<T> {
  /** The query parameter of the page's URL (French: `statut`, `commune`…). */
  readonly param: string;
  readonly defaultValue: T;
  read(raw: string | undefined): T;
  /** `null`: left out of the URL (the default). */
  write(value: T): string | null;
  /** The API's parameters for a value that is not the default (`{ status: 'active' }`). */
  api(value: T, key: string): ApiParams;
  /** `false` for what is not a filter (a view, a month shown): not counted on the « Filtres » button. */
  readonly counted?: boolean;
  /** The values a select offers for it (a closed list, yes/no), when known. */
  readonly options?: readonly T[];
}

interface CodecOptions<T> {
  /** The API parameter (the state key when omitted), or a function for special cases. */
  api?: string | ((value: T) => ApiParams);
}

function apiOf<T>(options: CodecOptions<T>, toParam: (value: T) => ApiParam) {
  return (value: T, key: string): ApiParams => {
    if (typeof options.api === 'function') return options.api(value);
    return { [options.api ?? key]: toParam(value) };
  };
}

/** Free text (search box): trimmed, `''` by default. */
export function textParam(param: string, options: CodecOptions<string> = {}): ParamCodec<string> {
  return {
    param,
    defaultValue: '',
    read: (raw) => (raw ?? '').trim(),
    write: (value) => value.trim() || null,
    api: apiOf(options, (value) => value.trim()),
  };
}

/** One of a closed list of values (a status, a type…), `null` for "all". */
export function oneOfParam<T extends string | number>(
  param: string,
  values: readonly T[],
  options: CodecOptions<T> & { defaultValue?: T | null } = {},
): ParamCodec<T | null> {
  return {
    param,
    options: values,
    defaultValue: options.defaultValue ?? null,
    read: (raw) => {
      if (raw === undefined) return options.defaultValue ?? null;
      if (raw === 'tous') return null;
      const found = values.find((value) => String(value) === raw);
      return found ?? options.defaultValue ?? null;
    },
    write: (value) => {
      if (value === (options.defaultValue ?? null)) return null;
      return value === null ? 'tous' : String(value);
    },
    api: (value, key) => (value === null ? {} : apiOf<T>(options, (v) => v)(value, key)),
  };
}

/**
 * A choice of the page itself, never sent to the API (`?vue=liste`): one of `values`, `defaultValue`
 * otherwise; not counted as a filter.
 */
export function choiceParam<T extends string>(param: string, values: readonly T[], defaultValue: T): ParamCodec<T> {
  return {
    param,
    defaultValue,
    counted: false,
    read: (raw) => values.find((value) => value === raw) ?? defaultValue,
    write: (value) => (value === defaultValue ? null : value),
    api: () => ({}),
  };
}

/** A code checked against a pattern (INSEE code, SIREN, uuid), `null` when absent or malformed. */
export function patternParam(
  param: string,
  pattern: RegExp,
  options: CodecOptions<string> = {},
): ParamCodec<string | null> {
  return {
    param,
    defaultValue: null,
    read: (raw) => (raw !== undefined && pattern.test(raw) ? raw : null),
    write: (value) => value,
    api: (value, key) => (value === null ? {} : apiOf<string>(options, (v) => v)(value, key)),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id of a record (a site, a professional) the list is narrowed to. */
export function idParam(param: string, options: CodecOptions<string> = {}): ParamCodec<string | null> {
  return patternParam(param, UUID, options);
}

/** An on/off switch: `?archives=oui`; `false` by default. */
export function flagParam(param: string, options: CodecOptions<boolean> = {}): ParamCodec<boolean> {
  return {
    param,
    defaultValue: false,
    read: (raw) => raw === 'oui',
    write: (value) => (value ? 'oui' : null),
    api: (value, key) => (value ? apiOf<boolean>(options, (v) => v)(value, key) : {}),
  };
}

/** Yes, no or either: `?difficultes=oui|non`; `null` by default. */
export function yesNoParam(param: string, options: CodecOptions<boolean> = {}): ParamCodec<boolean | null> {
  return {
    param,
    options: [true, false],
    defaultValue: null,
    read: (raw) => (raw === 'oui' ? true : raw === 'non' ? false : null),
    write: (value) => (value === null ? null : value ? 'oui' : 'non'),
    api: (value, key) => (value === null ? {} : apiOf<boolean>(options, (v) => v)(value, key)),
  };
}

export type SortDirection = 'asc' | 'desc';

export interface ListSort<S extends string = string> {
  field: S;
  direction: SortDirection;
}

export type FilterCodecs<F> = { [K in keyof F]: ParamCodec<F[K]> };

export interface ListDefinitionInput<F, S extends string> {
  filters: FilterCodecs<F>;
  /** The columns the API sorts by and the order of a plain link; without it, the API's own order. */
  sort?: { fields: readonly S[]; default: ListSort<S> | null };
  /** Page sizes offered (the first default is `pageSize`); `false` for a list that is not paged. */
  paging?: { pageSize: number; pageSizes?: readonly number[] } | false;
}

/** What a list shows: its filters, then page, page size and order. */
export type ListState<F, S extends string = string> = F & {
  page: number;
  pageSize: number;
  sort: ListSort<S> | null;
};

export const PAGE_SIZES: readonly number[] = [10, 25, 50, 100];

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

const sortText = (sort: ListSort | null) => (sort ? `${sort.field}:${sort.direction}` : '');

/** The typed definition of a list: defaults, URL ↔ state, API parameters. */
export class ListDefinition<F, S extends string = string> {
  readonly defaults: ListState<F, S>;
  readonly pageSizes: readonly number[];
  readonly paged: boolean;
  private readonly keys: (keyof F & string)[];

  constructor(private readonly input: ListDefinitionInput<F, S>) {
    this.keys = Object.keys(input.filters) as (keyof F & string)[];
    this.paged = input.paging !== false;
    const paging = input.paging || { pageSize: 25 };
    this.pageSizes = paging.pageSizes ?? PAGE_SIZES;
    const filters = Object.fromEntries(this.keys.map((key) => [key, this.codec(key).defaultValue])) as F;
    this.defaults = { ...filters, page: 1, pageSize: paging.pageSize, sort: input.sort?.default ?? null };
  }

  /** Reads the URL's query parameters. */
  fromParams(params: Readonly<Record<string, unknown>>): ListState<F, S> {
    const raw = (name: string) => {
      const value = params[name];
      return typeof value === 'string' ? value : undefined;
    };
    const filters = Object.fromEntries(this.keys.map((key) => [key, this.codec(key).read(raw(this.codec(key).param))]));
    const pageSize = positive(raw('parPage'), this.defaults.pageSize);
    return {
      ...(filters as F),
      page: this.paged ? positive(raw('page'), 1) : 1,
      pageSize: this.pageSizes.includes(pageSize) ? pageSize : this.defaults.pageSize,
      sort: this.readSort(raw('tri')),
    };
  }

  /** The URL of a state: defaults are left out, so that the plain address is the plain list. */
  toParams(state: ListState<F, S>): Record<string, string> {
    const params: Record<string, string | null> = {};
    for (const key of this.keys) params[this.codec(key).param] = this.codec(key).write(state[key]);
    params['page'] = state.page !== 1 ? String(state.page) : null;
    params['parPage'] = state.pageSize !== this.defaults.pageSize ? String(state.pageSize) : null;
    const sort = sortText(state.sort);
    params['tri'] = sort !== sortText(this.defaults.sort) ? sort || null : null;
    return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== null));
  }

  /** The URL of the list narrowed by `changes` from the defaults: a link to a filtered list. */
  paramsOf(changes: Partial<ListState<F, S>>): Record<string, string> {
    return this.toParams({ ...this.defaults, ...changes });
  }

  /** The API's query parameters: paging, order, and every filter that is not at its default. */
  apiParams(state: ListState<F, S>): ApiParams {
    const params: ApiParams = {};
    if (this.paged) {
      params['page'] = state.page;
      params['pageSize'] = state.pageSize;
    }
    if (state.sort) params['sort'] = sortText(state.sort);
    for (const key of this.keys) {
      const codec = this.codec(key);
      const value = state[key];
      if (value !== codec.defaultValue || this.alwaysSent(codec)) Object.assign(params, codec.api(value, key));
    }
    return params;
  }

  /** The filters that differ from their default (page, size and order are not filters). */
  activeFilters(state: ListState<F, S>): (keyof F & string)[] {
    return this.keys.filter((key) => this.codec(key).counted !== false && this.codec(key).write(state[key]) !== null);
  }

  /** Whether the list has an order of its own (then a sorted header cannot go back to « no order »). */
  get hasDefaultSort(): boolean {
    return (this.input.sort?.default ?? null) !== null;
  }

  /** The values a select offers for a filter (those of its codec), `undefined` when it has none. */
  optionsOf<K extends keyof F>(key: K): readonly F[K][] | undefined {
    return this.input.filters[key]?.options;
  }

  /** Sort picked in a table header (`''` direction: back to the default order). */
  sortOf(active: string, direction: SortDirection | ''): ListSort<S> | null {
    const fields = this.input.sort?.fields ?? [];
    if (!direction || !(fields as readonly string[]).includes(active)) return this.input.sort?.default ?? null;
    return { field: active as S, direction };
  }

  private alwaysSent<T>(codec: ParamCodec<T>): boolean {
    // A default that is a real value (tasks open by default) still narrows the API's answer.
    return codec.defaultValue !== null && codec.defaultValue !== '' && codec.defaultValue !== false;
  }

  private readSort(raw: string | undefined): ListSort<S> | null {
    const fallback = this.input.sort?.default ?? null;
    const [field, direction] = (raw ?? '').split(':');
    const fields = this.input.sort?.fields ?? [];
    if (!(fields as readonly string[]).includes(field)) return fallback;
    return { field: field as S, direction: direction === 'desc' ? 'desc' : 'asc' };
  }

  private codec<K extends keyof F>(key: K): ParamCodec<F[K]> {
    return this.input.filters[key];
  }
}

/** Declares a list (see the file comment); the result is shared by the page and its tests. */
export function defineList<F, S extends string = never>(input: ListDefinitionInput<F, S>): ListDefinition<F, S> {
  return new ListDefinition(input);
}
