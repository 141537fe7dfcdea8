import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export const STREAMED_BODY = 'platform:streamed-body';
const BODY_STREAM = Symbol('platform:body-stream');

/**
 * The route reads its request body as a stream: no body parser holds it whole in memory first,
 * so an upload's size no longer decides the heap. Take the body with `@BodyStream()`.
 */
export const StreamedBody = (): MethodDecorator => SetMetadata(STREAMED_BODY, true);

/** A streamed route's body, as it arrives. */
export interface StreamedRequestBody {
  /** `text/plain`, … lower-cased and without parameters; undefined when the request names none. */
  mediaType: string | undefined;
  /** The `charset` parameter, lower-cased; undefined when absent. */
  charset: string | undefined;
  /**
   * The bytes (inflated when gzip, deflate or br), failing with 413 `REQUEST.TOO_LARGE` past the
   * service's `bodyLimits.streamed`. Read it once; stopping early leaves the rest unread.
   */
  chunks: AsyncIterable<Buffer>;
}

/** The body of a `@StreamedBody()` route; undefined on any other route. */
export const BodyStream = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): StreamedRequestBody | undefined => bodyStreamOf(ctx.switchToHttp().getRequest<Request>()),
);

export function attachBodyStream(req: Request, body: StreamedRequestBody): void {
  (req as Request & { [BODY_STREAM]?: StreamedRequestBody })[BODY_STREAM] = body;
}

export function bodyStreamOf(req: Request): StreamedRequestBody | undefined {
  return (req as Request & { [BODY_STREAM]?: StreamedRequestBody })[BODY_STREAM];
}

/**
 * Shaped like body-parser's own 413, so the exception filter answers both alike
 * (`REQUEST.TOO_LARGE`), whether the limit was met before or while reading.
 */
export class BodyTooLargeError extends Error {
  readonly type = 'entity.too.large';
  readonly status = 413;

  constructor(readonly limit: number) {
    super(`request entity larger than ${limit} bytes`);
  }
}
