import { angularConfig } from '../../libs/web/eslint.config.mjs';

/** `MatDatepickerModule` brings its own English `MatDatepickerIntl`: the kit's `DATE_FIELD` does not. */
const englishDatepicker = {
  name: '@angular/material/datepicker',
  importNames: ['MatDatepickerModule'],
  message:
    'Use DATE_FIELD from @maillage/web/ui: the module provides an English MatDatepickerIntl (« Open calendar »).',
};

export default [
  ...angularConfig('app', {
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    '@typescript-eslint/no-explicit-any': 'error',
  }),
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
];
