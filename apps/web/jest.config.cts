module.exports = {
  displayName: 'web',
  preset: '../../jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../coverage/apps/web',
  // The first test of a suite compiles its component's template: on a busy 2-core runner that
  // alone passed jest's 5 s default. A cap against hangs, not a timing assertion.
  testTimeout: 20000,
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        stringifyContentPathRegex: '\\.(html|svg)$',
      },
    ],
  },
  // Angular's locale data (`@angular/common/locales/fr`) ships as plain ESM `.js`.
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$|@angular/common/locales/)'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
