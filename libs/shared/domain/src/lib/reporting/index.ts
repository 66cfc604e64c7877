export * from './committees';
