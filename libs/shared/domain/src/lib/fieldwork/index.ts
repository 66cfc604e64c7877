export * from './access-issues';
export * from './allowances';
export * from './measures';
export * from './semesters';
export * from './tasks';
export * from './visits';
