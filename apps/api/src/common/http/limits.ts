/** Largest value of a PostgreSQL `integer` column (versions, counts): beyond, the database refuses it. */
export const INT32_MAX = 2_147_483_647;

/** Message of the upper bound of a `version` field (the version is an `integer` column). */
export const VERSION_MAX_MESSAGE = `version : ${INT32_MAX} au plus.`;
