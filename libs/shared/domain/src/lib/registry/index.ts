export * from './accreditations';
export * from './identifiers';
export * from './professionals';
export * from './referrals';
export * from './sites';
export * from './stage-types';
