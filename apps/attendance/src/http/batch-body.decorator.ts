import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** Reads a batch body (a JSON array or object, NDJSON or CSV text) into the use case's typed batch; refuses with a 4xx what no reading takes. */
export type BatchReader<T> = (body: unknown, contentType: string) => T;

/**
 * The body of a batch endpoint, read at the edge into a typed batch: no class describes an envelope that may be
 * a JSON array, NDJSON or CSV, so the reader turns it into items, and each item is then checked alone against
 * its command class (`checkItems`), the good ones kept.
 */
export const BatchBody = createParamDecorator(<T>(read: BatchReader<T>, ctx: ExecutionContext): T => {
  const req = ctx.switchToHttp().getRequest<{ body: unknown; headers: Record<string, string | string[] | undefined> }>();
  const type = req.headers['content-type'];
  return read(req.body, Array.isArray(type) ? type.join(',') : (type ?? ''));
});
