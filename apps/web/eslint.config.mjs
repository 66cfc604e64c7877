import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import baseConfig from '../../eslint.config.mjs';

/** `MatDatepickerModule` brings its own English `MatDatepickerIntl`: the kit's `DATE_FIELD` does not. */
const englishDatepicker = {
  name: '@angular/material/datepicker',
  importNames: ['MatDatepickerModule'],
  message:
    'Use DATE_FIELD from @maillage/web/ui: the module provides an English MatDatepickerIntl (« Open calendar »).',
};

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'app', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'app', style: 'kebab-case' }],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/prefer-signals': 'error',
      '@angular-eslint/prefer-inject': 'error',
      '@angular-eslint/prefer-standalone': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [englishDatepicker] }] },
  },
  {
    // A feature reaches another feature only through what that feature exports on purpose (its
    // index.ts: `import { SiteVisitsCard } from '../visits'`), never into its files; what several
    // features share lives in libs/web/ui, libs/web/util or src/app/shared.
    files: ['src/app/features/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [englishDatepicker],
          patterns: [
            {
              regex: '^\\.\\./[^./][^/]*/',
              message:
                'A feature imports another feature only through its index (`../sites`), never its files: move what is shared to libs/web/ui, libs/web/util or src/app/shared, or export it on purpose from the feature’s index.ts.',
            },
            {
              regex: '^(\\.\\./)+features/',
              message: 'Features import each other only through their index (`../sites`), from inside features/.',
            },
          ],
        },
      ],
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
