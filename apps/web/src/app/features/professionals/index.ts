// What the professionals feature shares on purpose: the registry's address and the specialty suggestions.
export { SPECIALTY_SUGGESTIONS } from './professional-filters';
export { PROFESSIONALS_URL } from './professionals-api';
export { SiteLinksCard } from './site-links-card';
