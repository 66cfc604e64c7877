// The rules of every web library: ../eslint.config.mjs.
export { default } from '../eslint.config.mjs';
