// What the visits feature shares on purpose: the visits card of a site's page.
export { SiteVisitsCard } from './site-visits-card';
