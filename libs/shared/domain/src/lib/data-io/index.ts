export * from './exports';
export * from './geocoding';
export * from './imports';
export * from './rpps';
export * from './supervision-income';
export * from './zonage-import';
