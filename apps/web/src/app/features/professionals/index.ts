// What the professionals feature shares on purpose: the registry's address, its search for pickers
// and the specialty field.
export { professionalSearch, type ProfessionalSearch } from './professional-search';
export { PROFESSIONALS_URL } from './professionals-api';
export { SiteLinksCard } from './site-links-card';
export { SpecialtyField } from './specialty-field';
