// What the access-issues feature shares on purpose: the cards of a site's page and the badges.
export { SeverityBadge, issueStatusBadge } from './issue-badges';
export { SiteAllowancesCard } from './site-allowances-card';
export { SiteIssuesCard } from './site-issues-card';
