export * from './exports';
export * from './geocoding';
export * from './imports';
export * from './personal-data';
export * from './rpps';
export * from './supervision-income';
export * from './zonage-import';
