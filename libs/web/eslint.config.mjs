import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import baseConfig from '../../eslint.config.mjs';

/**
 * The Angular rules of the web app and of the web libraries (ui, util): components and directives
 * with the project's selector `prefix`, OnPush, signals, inject(), standalone; accessible templates
 * with the new control flow. `tsRules` adds rules for the TypeScript files.
 */
export function angularConfig(prefix, tsRules = {}) {
  return [
    ...nx.configs['flat/angular'],
    ...nx.configs['flat/angular-template'],
    ...baseConfig,
    {
      files: ['**/*.ts'],
      rules: {
        '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix, style: 'camelCase' }],
        '@angular-eslint/component-selector': ['error', { type: 'element', prefix, style: 'kebab-case' }],
        '@angular-eslint/prefer-on-push-component-change-detection': 'error',
        '@angular-eslint/prefer-signals': 'error',
        '@angular-eslint/prefer-inject': 'error',
        '@angular-eslint/prefer-standalone': 'error',
        ...tsRules,
      },
    },
    ...angular.configs.templateAccessibility.map((config) => ({ ...config, files: ['**/*.html'] })),
    {
      files: ['**/*.html'],
      rules: {
        '@angular-eslint/template/prefer-control-flow': 'error',
        '@angular-eslint/template/no-any': 'error',
        '@angular-eslint/template/button-has-type': 'error',
      },
    },
  ];
}

// The web libraries: prefix `ui`, pipes included.
export default angularConfig('ui', { '@angular-eslint/pipe-prefix': ['error', { prefixes: ['ui'] }] });
