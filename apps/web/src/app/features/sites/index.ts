// What the sites feature shares on purpose with the other features (and nothing else).
export { siteStatusBadge, zonageBadge } from './site-badges';
export { STAGE_TYPE_SHORT_LABELS, capacitySummary } from './site-labels';
export { SITES_URL } from './sites-api';
