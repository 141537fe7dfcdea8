import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { STREAMED_BODY } from '../http/streamed-body';

/** Whether a request goes to a `@StreamedBody()` route (asked before Nest has routed it). */
export type StreamedRouteTest = (req: IncomingMessage) => boolean;

/**
 * Body parsers run as Express middleware, before Nest knows the handler, so the decorated routes
 * are read off the controllers once at start-up and matched by method and path.
 */
export function streamedRoutes(app: INestApplication): StreamedRouteTest {
  const scanner = app.get(MetadataScanner);
  const routes: Array<{ method: string; path: RegExp }> = [];
  for (const { metatype } of app.get(DiscoveryService).getControllers()) {
    if (typeof metatype !== 'function') continue;
    const prototype = metatype.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as object;
      if (Reflect.getMetadata(STREAMED_BODY, handler) !== true) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      for (const base of paths(Reflect.getMetadata(PATH_METADATA, metatype))) {
        for (const own of paths(Reflect.getMetadata(PATH_METADATA, handler))) routes.push({ method, path: pathPattern(`${base}/${own}`) });
      }
    }
  }
  return (req) => {
    const path = (req.url ?? '').split('?')[0];
    return routes.some((r) => (r.method === req.method || r.method === 'ALL') && r.path.test(path));
  };
}

const paths = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [typeof value === 'string' ? value : '']);

/** Static segments and `:param`s, matched as Express matches them (any case, optional trailing slash). */
function pathPattern(path: string): RegExp {
  const segments = path.split('/').filter(Boolean);
  const pattern = segments.map((s) => {
    if (/^:\w+$/.test(s)) return '[^/]+';
    if (/[*?{}():]/.test(s)) throw new Error(`@StreamedBody() takes static paths and :params only, not "${path}"`);
    return s.replace(/[.+^$|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^/${pattern.join('/')}/?$`, 'i');
}
