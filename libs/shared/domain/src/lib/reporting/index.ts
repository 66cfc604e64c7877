export * from './api-committees';
export * from './api-dashboard';
export * from './api-map';
export * from './api-reports';
export * from './committees';
