/**
 * Regenerates contract-schemas.generated.ts from libs/contracts and docs/asyncapi.json (every
 * subject and payload of the product):
 *
 *   node -r @swc-node/register libs/messaging/src/asyncapi/generate-contract-schemas.ts
 *
 * tests/messaging/asyncapi.spec.ts fails while either file differs from what this writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deriveContractSchemas } from './derive-contract-schemas';
import { renderContractSchemasModule, renderProductAsyncApi } from './render-generated';
import { catalogueRoots } from './subject-catalogue';

const ROOT = join(__dirname, '../../../..');
export const CONTRACTS_INDEX = join(ROOT, 'libs/contracts/src/index.ts');
export const SCHEMAS_FILE = join(__dirname, 'contract-schemas.generated.ts');
export const PRODUCT_ASYNCAPI_FILE = join(ROOT, 'docs/asyncapi.json');

if (require.main === module) {
  const schemas = deriveContractSchemas(CONTRACTS_INDEX, catalogueRoots());
  writeFileSync(SCHEMAS_FILE, renderContractSchemasModule(schemas));
  mkdirSync(dirname(PRODUCT_ASYNCAPI_FILE), { recursive: true });
  writeFileSync(PRODUCT_ASYNCAPI_FILE, renderProductAsyncApi(schemas));
  process.stdout.write(`wrote ${SCHEMAS_FILE} (${Object.keys(schemas).length} schemas) and ${PRODUCT_ASYNCAPI_FILE}\n`);
}
