import { requestError } from '../errors/request-errors';

export interface JsonShapeLimits {
  /** Objects, arrays and elements the text may become. */
  maxValues: number;
  /** Deepest nesting of objects and arrays (a top-level array of objects is 2). */
  maxDepth: number;
  /** NDJSON: every line is its own value, so nesting and strings end with the line. */
  lines?: boolean;
}

/**
 * Counts the values a JSON text would become (each object, array and element after the first: the
 * `{`, `[` and `,` outside strings) and how deep they nest, and stops at the first limit passed.
 * JSON.parse of 4 MB of `[{},{},…]` builds 1.3 million objects, ~80 MB of heap, before any route
 * could apply its item cap; and V8 parses 10,000 levels of `{"a":{"a":…}}` happily, leaving every
 * recursive step after it (validation, JSON.stringify, a jsonb column) to run out of stack. This scan
 * is one pass over the bytes with no allocation, run before the parse.
 */
export function jsonShapeProblem(bytes: Uint8Array, limits: JsonShapeLimits): 'values' | 'depth' | null {
  let values = 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a /* \n */ && limits.lines) {
      // A raw newline cannot sit inside a JSON string: in NDJSON it ends the record, broken or not.
      inString = false;
      depth = 0;
    } else if (inString) {
      if (b === 0x5c /* \ */) i++;
      else if (b === 0x22 /* " */) inString = false;
    } else if (b === 0x22) {
      inString = true;
    } else if (b === 0x7b /* { */ || b === 0x5b /* [ */) {
      if (++values > limits.maxValues) return 'values';
      if (++depth > limits.maxDepth) return 'depth';
    } else if (b === 0x7d /* } */ || b === 0x5d /* ] */) {
      if (depth > 0) depth--;
    } else if (b === 0x2c /* , */) {
      if (++values > limits.maxValues) return 'values';
    }
  }
  return null;
}

/** The value count alone (kept for callers that only budget values). */
export function exceedsJsonValueBudget(bytes: Uint8Array, max: number): boolean {
  return jsonShapeProblem(bytes, { maxValues: max, maxDepth: Infinity }) === 'values';
}

/** The error body-parser passes on when `verify` throws: answered 413 REQUEST.TOO_LARGE by the exception filter. */
export function tooManyJsonValues(max: number): Error {
  return Object.assign(new Error(`the JSON body holds more than ${max} values / JSON 请求体的值超过 ${max} 个`), { status: 413, type: 'entity.too.large' });
}

/** 400 REQUEST.TOO_DEEP, thrown from `verify`: the exception filter answers a DomainError as it is. */
export function nestedTooDeep(max: number) {
  const message = `the JSON body nests objects or arrays more than ${max} deep / JSON 请求体嵌套超过 ${max} 层`;
  return requestError('REQUEST.TOO_DEEP', message, [{ path: 'body', message }]);
}
