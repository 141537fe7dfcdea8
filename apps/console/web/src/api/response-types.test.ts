import { expectTypeOf } from 'vitest';
import type { ItemOf, PathPattern, ResponseOf } from './client';
import type { ApiResponses } from './generated/openapi';

// Type-level: these fail `tsc -p apps/console/web` (and the root type check), not the test run.
describe('response types from the OpenAPI documents', () => {
  it('turns a document path template into the type of the paths it serves', () => {
    expectTypeOf<PathPattern<'/v1/scorecards/{agentId}/{period}/calls'>>().toEqualTypeOf<`/v1/scorecards/${string}/${string}/calls`>();
    expectTypeOf<PathPattern<'/v1/forms'>>().toEqualTypeOf<'/v1/forms'>();
  });

  it('types a read by its literal or templated path, exactly', () => {
    expectTypeOf<ResponseOf<'telephony-events', 'get', '/v1/queues/stats'>>().toEqualTypeOf<ApiResponses['telephony-events']['get']['/v1/queues/stats']>();
    expectTypeOf<ResponseOf<'scoring', 'get', `/v1/scorecards/${string}/${string}/calls`>>().toEqualTypeOf<ApiResponses['scoring']['get']['/v1/scorecards/{agentId}/{period}/calls']>();
    // `${string}` also matches "abc/disputes", but only the exact pattern counts: no union of both bodies.
    expectTypeOf<ResponseOf<'qa-evaluation', 'get', `/v1/evaluations/${string}/disputes`>>().toEqualTypeOf<ApiResponses['qa-evaluation']['get']['/v1/evaluations/{id}/disputes']>();
    expectTypeOf<ResponseOf<'qa-evaluation', 'get', `/v1/evaluations/${string}`>>().toEqualTypeOf<ApiResponses['qa-evaluation']['get']['/v1/evaluations/{id}']>();
  });

  it('is unknown where the document declares no body', () => {
    expectTypeOf<ResponseOf<'attendance', 'put', '/v1/anything'>>().toBeUnknown();
  });

  it('takes the item type of a paged body', () => {
    expectTypeOf<ItemOf<ResponseOf<'telephony-events', 'get', '/v1/derivation-failures'>>['callId']>().toEqualTypeOf<string>();
    expectTypeOf<ItemOf<{ total: number }>>().toBeUnknown();
  });
});
