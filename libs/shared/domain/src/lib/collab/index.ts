export * from './bulk';
export * from './documents';
export * from './links';
export * from './notifications';
export * from './search';
