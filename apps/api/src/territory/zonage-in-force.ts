/**
 * The one definition of « the ARS zonage in force » in SQL: the period of the commune that has
 * begun on the day and not ended, the latest if several match (periods of a commune never overlap:
 * see `addZonagePeriod`). Served by `idx_commune_zonages_commune_from`. `day` is a placeholder or
 * a date expression: today in France, never `CURRENT_DATE` (the session's UTC day).
 */
const inForceOn = (day: string) =>
  `cz.valid_from <= ${day}::date AND (cz.valid_to IS NULL OR cz.valid_to >= ${day}::date)`;

/** The zonage of one commune (`communeColumn`) on `day`, as a scalar subquery (`NULL` when none). */
export function currentZonageSql(communeColumn: string, day: string): string {
  return `(SELECT cz.zonage FROM commune_zonages cz WHERE cz.commune_code = ${communeColumn}
    AND ${inForceOn(day)} ORDER BY cz.valid_from DESC LIMIT 1)`;
}

/**
 * The zonage on `day` of many communes at once (rows `commune_code`, `zonage`; communes without a
 * zonage have no row), for the communes `communeCondition` keeps (a condition on `cz.commune_code`).
 */
export function currentZonagesSql(communeCondition: string, day: string): string {
  return `SELECT DISTINCT ON (cz.commune_code) cz.commune_code, cz.zonage FROM commune_zonages cz
    WHERE ${communeCondition} AND ${inForceOn(day)}
    ORDER BY cz.commune_code, cz.valid_from DESC`;
}
