export * from './lib/auth';
export * from './lib/fieldwork';
export * from './lib/paging';
export * from './lib/registry';
export * from './lib/reporting';
export * from './lib/roles';
export * from './lib/territory';
export * from './lib/text';
