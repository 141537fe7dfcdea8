/*
 * Writes apps/console/web/src/api/generated/openapi.ts from the services' OpenAPI documents, built
 * in-process from each service's definition (no service, database or NATS needs to be running):
 *   npm run console:api-types
 * `fetchDocs` reads the same documents from running services (the console's integration test checks
 * that every path the committed types declare is still served).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceDefinition } from '@app/platform';
import { openApiToTs, type OpenApiDocument } from './openapi-to-ts';
import { buildServiceOpenApi } from '@app/platform';

/**
 * Each service by the console's name for it, with the module and export holding its definition. They
 * are loaded by path at build time: the console never imports another app at run time (lint boundary),
 * and this build step reads their route declarations only.
 */
const SERVICES = [
  ['telephony-events', 'apps/telephony-events/src/telephony-events.service', 'TELEPHONY_SERVICE', 3001],
  ['qa-evaluation', 'apps/qa-evaluation/src/qa-evaluation.service', 'QA_SERVICE', 3002],
  ['attendance', 'apps/attendance/src/attendance.service', 'ATTENDANCE_SERVICE', 3003],
  ['scoring', 'apps/scoring/src/scoring.service', 'SCORING_SERVICE', 3004],
  ['notification', 'apps/notification/src/notification.service', 'NOTIFICATION_SERVICE', 3005],
] as const;

const ROOT = join(__dirname, '../../../..');
export const GENERATED_FILE = join(__dirname, '../src/api/generated/openapi.ts');

export async function buildDocs(): Promise<Record<string, OpenApiDocument>> {
  const docs: Record<string, OpenApiDocument> = {};
  for (const [service, file, name] of SERVICES) {
    const def = ((await import(join(ROOT, file))) as Record<string, ServiceDefinition | undefined>)[name];
    if (!def) throw new Error(`${service}: ${file} exports no ${name}`);
    docs[service] = (await buildServiceOpenApi(def)) as unknown as OpenApiDocument;
  }
  return docs;
}

/** The documents as running services serve them at `/docs-json` (by default those of `npm run dev`). */
export async function fetchDocs(urlOf: (service: string, port: number) => string = (_s, port) => `http://localhost:${port}`): Promise<Record<string, OpenApiDocument>> {
  const docs: Record<string, OpenApiDocument> = {};
  for (const [service, , , port] of SERVICES) {
    const url = `${urlOf(service, port)}/docs-json`;
    const res = await fetch(url).catch((err: Error) => {
      throw new Error(`${service}: ${url} is not reachable (${err.message})`);
    });
    if (!res.ok) throw new Error(`${service}: ${url} answered ${res.status}`);
    docs[service] = (await res.json()) as OpenApiDocument;
  }
  return docs;
}

if (require.main === module) {
  buildDocs()
    .then((docs) => {
      writeFileSync(GENERATED_FILE, openApiToTs(docs));
      process.stdout.write(`wrote ${GENERATED_FILE}\n`);
    })
    .catch((err: Error) => {
      process.stderr.write(`${err.stack ?? err.message}\n`);
      process.exit(1);
    });
}
