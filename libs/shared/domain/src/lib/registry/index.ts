export * from './accreditations';
export * from './api-people';
export * from './api-sites';
export * from './identifiers';
export * from './professionals';
export * from './referrals';
export * from './sites';
export * from './stage-types';
