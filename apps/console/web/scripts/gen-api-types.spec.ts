import { readFileSync } from 'node:fs';
import { buildDocs, GENERATED_FILE } from './gen-api-types';
import { openApiToTs } from './openapi-to-ts';

/** The paths of ApiPaths' `    get: …` lines (as the console's integration test reads them). */
const declaredPaths = (text: string) =>
  text.split('\n').filter((l) => /^ {4}(get|post|put|patch|delete): /.test(l)).flatMap((l) => l.replace(/^ {4}\w+: /, '').replace(/;$/, '').split(' | ')).filter((p) => p !== 'never');

describe('gen-api-types (documents built in-process)', () => {
  let fresh: string;
  beforeAll(async () => {
    // Preview mode: the services' modules are scanned with hosts that do not resolve; nothing is dialled.
    fresh = openApiToTs(await buildDocs());
  });

  it('builds every service’s document without a running service, database or NATS', () => {
    expect(fresh).toContain("  'scoring': {\n    get: ");
    expect(fresh).toContain('`/v1/scorecards/${string}/${string}`');
    expect(fresh).toMatch(/'\/v1\/queues\/stats': \{ from: string;/);
  });

  it('still serves every path the committed types declare (new ones are welcome: run npm run console:api-types)', () => {
    const served = new Set(declaredPaths(fresh));
    expect(declaredPaths(readFileSync(GENERATED_FILE, 'utf8')).filter((p) => !served.has(p))).toEqual([]);
  });
});
