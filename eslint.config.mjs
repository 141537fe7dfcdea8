// Lint: the recommended rules of typescript-eslint, plus the architecture's boundaries (no app
// imports another app, libs never import apps, domain code imports no framework).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'scripts/dev.js', 'scripts/dev/**', 'scripts/build.js', 'scripts/complete-lockfile.js', 'deploy/**', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**'], message: 'libs never import apps' }] }] },
  },
  {
    files: ['apps/*/src/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@nestjs/*', 'typeorm', '@nats-io/*', '@app/messaging', '@app/persistence', '@app/platform'], message: 'domain rules are plain TypeScript: no framework imports' },
        ],
      }],
    },
  },
);
