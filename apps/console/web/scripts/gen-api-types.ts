/*
 * Writes apps/console/web/src/api/generated/openapi.ts from the running services' OpenAPI documents.
 *   npm run console:api-types            (services from `npm run dev` on :3001–3005)
 *   TELEPHONY_EVENTS_URL=… npm run console:api-types   (each service's URL, as the console reads them)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiToTs, type OpenApiDocument } from './openapi-to-ts';

const SERVICES = [
  ['telephony-events', 'TELEPHONY_EVENTS_URL', 3001],
  ['qa-evaluation', 'QA_EVALUATION_URL', 3002],
  ['attendance', 'ATTENDANCE_URL', 3003],
  ['scoring', 'SCORING_URL', 3004],
  ['notification', 'NOTIFICATION_URL', 3005],
] as const;

export const GENERATED_FILE = join(__dirname, '../src/api/generated/openapi.ts');

export async function fetchDocs(urlOf: (service: string, env: string, port: number) => string): Promise<Record<string, OpenApiDocument>> {
  const docs: Record<string, OpenApiDocument> = {};
  for (const [service, env, port] of SERVICES) {
    const url = `${urlOf(service, env, port)}/docs-json`;
    const res = await fetch(url).catch((err: Error) => {
      throw new Error(`${service}: ${url} is not reachable (${err.message}); start the services first (npm run dev)`);
    });
    if (!res.ok) throw new Error(`${service}: ${url} answered ${res.status}`);
    docs[service] = (await res.json()) as OpenApiDocument;
  }
  return docs;
}

if (require.main === module) {
  fetchDocs((_s, env, port) => process.env[env] ?? `http://localhost:${port}`)
    .then((docs) => {
      writeFileSync(GENERATED_FILE, openApiToTs(docs));
      process.stdout.write(`wrote ${GENERATED_FILE}\n`);
    })
    .catch((err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    });
}
