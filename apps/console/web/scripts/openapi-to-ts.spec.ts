import { openApiToTs, pathType, schemaType } from './openapi-to-ts';

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
});
