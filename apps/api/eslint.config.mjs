import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    languageOptions: {
      // Nest reads constructor types at run time: type-only imports must not replace them.
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
  },
];
