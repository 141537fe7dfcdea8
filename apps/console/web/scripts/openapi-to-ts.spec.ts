import { openApiToTs, pathType, responseSchema, schemaType } from './openapi-to-ts';

describe('openApiToTs', () => {
  it('types path parameters as ${string}', () => {
    expect(pathType('/v1/scorecards/{agentId}/{period}')).toBe('`/v1/scorecards/${string}/${string}`');
    expect(pathType('/v1/forms')).toBe("'/v1/forms'");
  });

  it('turns schemas into TypeScript, optional unless required, refs by service-prefixed name', () => {
    expect(schemaType({ type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'array', items: { $ref: '#/components/schemas/Item' } }, 'x-y': { type: 'integer', nullable: true } } }, 'scoring'))
      .toBe('{ a: string; b?: Array<ScoringItem>; "x-y"?: number | null; }');
    expect(schemaType({ enum: ['ok', 'not-ready'] }, 's')).toBe('"ok" | "not-ready"');
    expect(schemaType({ type: 'object', properties: {} }, 's')).toBe('Record<string, never>');
    expect(schemaType(undefined, 's')).toBe('unknown');
  });

  it('lists each service’s paths by method', () => {
    const ts = openApiToTs({
      scoring: { paths: { '/v1/periods/{period}/close': { post: {} }, '/v1/periods/{period}': { get: {} } }, components: { schemas: { CloseBody: { type: 'object', properties: { force: { type: 'boolean' } } } } } },
    });
    expect(ts).toContain('export type ScoringCloseBody = { force?: boolean; };');
    expect(ts).toContain("  'scoring': {\n    get: `/v1/periods/${string}`;\n    post: `/v1/periods/${string}/close`;\n    put: never;");
  });

  it('takes an operation’s JSON success body: 200 first, then the lowest 2xx; none for other media or errors only', () => {
    const page = { type: 'object', properties: { items: { type: 'array' } } };
    expect(responseSchema({ responses: { '201': { content: { 'application/json': { schema: { type: 'string' } } } }, '200': { content: { 'application/json': { schema: page } } } } })).toBe(page);
    expect(responseSchema({ responses: { '204': {}, '202': { content: { 'application/json': { schema: page } } } } })).toBe(page);
    expect(responseSchema({ responses: { '200': { content: { 'audio/*': { schema: { type: 'string', format: 'binary' } } } } } })).toBeUndefined();
    expect(responseSchema({ responses: { '400': { content: { 'application/json': { schema: page } } } } })).toBeUndefined();
    expect(responseSchema({ responses: { '200': { content: { 'application/problem+json': { schema: page } } } } })).toBe(page);
    expect(responseSchema(undefined)).toBeUndefined();
  });

  it('emits each operation’s declared response body by path template, and an empty record for a method with none', () => {
    const ts = openApiToTs({
      'qa-evaluation': {
        paths: {
          '/v1/evaluations/{id}/disputes': { get: { responses: { '200': { content: { 'application/json': { schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Dispute' } } } } } } } } } },
          '/v1/evaluations/{id}': { get: { responses: { '200': { description: 'no schema' } } } },
          '/v1/forms': { post: { responses: { '201': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Form' } } } } } } },
        },
      },
    });
    expect(ts).toContain("export interface ApiResponses {\n  'qa-evaluation': {\n    'get': {\n      '/v1/evaluations/{id}/disputes': { items: Array<QaEvaluationDispute>; };\n    };\n    'post': {\n      '/v1/forms': QaEvaluationForm;\n    };\n    'put': Record<never, never>;");
    expect(ts).not.toContain("'/v1/evaluations/{id}':");
    // The response lines never look like ApiPaths' method lines (the console's integration test reads those).
    expect(ts.split('\n').filter((l) => /^ {4}(get|post|put|patch|delete): /.test(l))).toHaveLength(5);
  });
});
