/** The colours of the charts (offered vs requested places): one pair for the dashboard and the semesters. */
export const CHART_COLORS = { offered: '#1b5e8c', requested: '#c2571a' } as const;
