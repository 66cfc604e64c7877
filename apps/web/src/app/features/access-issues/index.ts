// What the access-issues feature shares on purpose: the cards of a site's page, the badges and the severities' names.
export { SeverityBadge, issueStatusBadge, severityName } from './issue-badges';
export { SiteAllowancesCard } from './site-allowances-card';
export { SiteIssuesCard } from './site-issues-card';
