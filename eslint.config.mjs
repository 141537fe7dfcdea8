// Lint: the recommended rules of typescript-eslint, plus the architecture's boundaries (no app
// imports another app, libs never import apps, domain code imports no framework). The boundaries
// are proven by tests/platform/lint-boundaries.spec.ts.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const APPS = readdirSync(new URL('./apps/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** Import patterns that reach into app `name`, by package-style path or by relative path. */
const appPatterns = (name) => [`**/apps/${name}`, `**/apps/${name}/**`, `**/${name}/src/**`, `**/${name}/migrations/**`, `**/${name}/test/**`];

/** Everything an app may not import: the other apps (each owns its data; they meet only through NATS and HTTP). */
const otherApps = (app) => ({
  group: APPS.filter((a) => a !== app).flatMap(appPatterns),
  message: `apps/${app} may not import another app: share through libs/ or talk through NATS/HTTP`,
});

const FRAMEWORK = {
  group: ['@nestjs/*', 'typeorm', '@nats-io/*', '@app/messaging', '@app/persistence', '@app/platform'],
  message: 'domain rules are plain TypeScript: no framework imports',
};

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
  // One shape (issue 18): a body is a command class the validation pipe checks, and every refusal is declared in the
  // service's errors file with its code and status. A body that must stay raw says why in an eslint-disable comment.
  {
    files: ['apps/*/src/**/*.ts'],
    ignores: ['**/*.errors.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Decorator[expression.callee.name='Body'][parent.typeAnnotation.typeAnnotation.type='TSUnknownKeyword']",
          message: 'a request body is a class-validator command class (`@Body() command: XCommand`), checked by the validation pipe',
        },
        {
          selector: "NewExpression[callee.name=/^(DomainError|NotFoundError)$/]",
          message: "refusals are declared in the service's *.errors.ts (code and status in one list): throw one of its errors",
        },
        {
          selector: "NewExpression[callee.name=/^(HttpException|BadRequestException|NotFoundException|ForbiddenException|ConflictException|UnprocessableEntityException|UnauthorizedException)$/]",
          message: "Nest's exceptions carry no stable code: throw an error of the service's *.errors.ts",
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**'], message: 'libs never import apps' }] }] },
  },
  // One block per app; the domain block repeats the app rule because a later block replaces the rule's options.
  ...APPS.map((app) => ({
    files: [`apps/${app}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherApps(app)] }] },
  })),
  ...APPS.map((app) => ({
    files: [`apps/${app}/src/domain/**/*.ts`],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FRAMEWORK, otherApps(app)] }] },
  })),
);
