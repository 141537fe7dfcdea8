import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { IncomingMessage } from 'node:http';
import type { ErrorDetail } from '@app/contracts';
import { requestError } from '../errors/request-errors';
import { firstUnstorable, unstorableTextIn, unstorableTextMessage } from '../input/unstorable-text';

const ESCAPE_FREE = Symbol('platform:escape-free-json');

/**
 * Called with the raw bytes of a JSON body before it is parsed. In UTF-8 a raw NUL is not valid
 * JSON and invalid bytes decode to U+FFFD, so only a `\u` escape can put NUL or a lone surrogate
 * into the parsed value: a body without one needs no walk (the common case costs one byte search).
 */
export function noteJsonEscapes(req: IncomingMessage, bytes: Buffer, charset: string | undefined): void {
  if ((charset === undefined || charset === 'utf-8' || charset === 'utf8') && bytes.indexOf('\\u') === -1) {
    (req as IncomingMessage & { [ESCAPE_FREE]?: true })[ESCAPE_FREE] = true;
  }
}

/** `line 3: …`: where in a text body (CSV, plain text) the first unstorable character sits. */
function textBodyProblem(body: string): ErrorDetail[] {
  const bad = firstUnstorable(body);
  if (!bad) return [];
  const line = body.slice(0, bad.index).split('\n').length;
  return [{ path: 'body', message: `line ${line}: ${unstorableTextMessage(bad.why)}` }];
}

/**
 * Every place of a request that holds text PostgreSQL cannot store (NUL, lone surrogates): path
 * parameters by name, query parameters by name, and the body by path — except the items of a batch
 * (a top-level JSON array, NDJSON lines, or CSV rows), which the route's item parser reports one by one
 * (`unstorableItem`), so one bad item never costs the valid ones.
 */
export function unstorableRequestText(req: Request): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  for (const [name, value] of Object.entries((req.params ?? {}) as Record<string, unknown>)) found.push(...unstorableTextIn(value, name));
  found.push(...unstorableTextIn(req.query ?? {}, ''));
  const body: unknown = req.body;
  if (typeof body === 'string') {
    if (!/^(application\/x-ndjson|text\/csv)\b/i.test(req.headers['content-type'] ?? '')) found.push(...textBodyProblem(body));
  } else if (typeof body === 'object' && body !== null && !Array.isArray(body) && !(req as Request & { [ESCAPE_FREE]?: true })[ESCAPE_FREE]) {
    found.push(...unstorableTextIn(body, ''));
  }
  return found;
}

/**
 * Runs for every HTTP route of every service before any pipe or handler: a request holding
 * unstorable text outside a batch's items is answered 400 REQUEST.INVALID_TEXT with each path, so
 * no handler, query or jsonb column ever sees it. Message handlers (JetStream) are not HTTP: skipped.
 */
@Injectable()
export class RequestTextGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const details = unstorableRequestText(context.switchToHttp().getRequest<Request>());
    if (details.length > 0) {
      throw requestError('REQUEST.INVALID_TEXT', 'The request holds text that cannot be stored (NUL or broken Unicode) / 请求含有无法保存的字符', details);
    }
    return true;
  }
}
