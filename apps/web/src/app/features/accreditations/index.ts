// What the accreditations feature shares on purpose with the other features.
export { validityBadge } from './accreditation-badges';
export { AccreditationsCard } from './accreditations-card';
