import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@app/platform';
import { QA_ERRORS, QaErrors, qaError, rejected, type QaErrorCode } from './qa-evaluation.errors';

/** Every `'QA.…'` literal in qa's source (tests aside): what the service can answer with. */
function codesInSource(dir = __dirname): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const c of codesInSource(path)) found.add(c);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/'(QA\.[A-Z_]+)'/g)) found.add(m[1]);
    }
  }
  return found;
}

describe('qa error list', () => {
  it('gives every declared code a 4xx status a client can act on', () => {
    const codes = Object.keys(QA_ERRORS) as QaErrorCode[];
    expect(codes.length).toBeGreaterThan(50);
    for (const code of codes) {
      expect([code, [400, 403, 404, 409, 413, 422].includes(QA_ERRORS[code])]).toEqual([code, true]);
      expect(code).toMatch(/^QA\.[A-Z_]+$/);
    }
  });

  it('declares every code the source names (a cast past the types is caught here)', () => {
    const undeclared = [...codesInSource()].filter((c) => !(c in QA_ERRORS));
    expect(undeclared).toEqual([]);
  });

  it('answers each refusal with its declared status, the first problem deciding', () => {
    expect(QaErrors.appealNotFound()).toMatchObject({ code: 'QA.APPEAL_NOT_FOUND', status: 404, details: [{ path: 'recordId' }] });
    expect(QaErrors.recordNotFound()).toMatchObject({ code: 'QA.RECORD_NOT_FOUND', status: 404 });
    expect(qaError('QA.DISPUTE_LIMIT_REACHED', 'm')).toBeInstanceOf(DomainError);
    const both = rejected([
      { code: 'QA.UNKNOWN_ITEM', path: 'answers[0].itemId', message: 'a' },
      { code: 'QA.REQUEST_INVALID', path: 'comment', message: 'b' },
    ]);
    expect(both).toMatchObject({ code: 'QA.UNKNOWN_ITEM', status: 422, details: [{ path: 'answers[0].itemId', message: 'a' }, { path: 'comment', message: 'b' }] });
    expect(rejected([{ code: 'QA.EVALUATION_NOT_RELEASED', path: 'evaluationId', message: 'x' }]).status).toBe(409);
    expect(rejected([{ code: 'QA.SEGMENT_TIME_INVALID', path: 'segments[0].endMs', message: 'x' }]).status).toBe(400);
  });
});
