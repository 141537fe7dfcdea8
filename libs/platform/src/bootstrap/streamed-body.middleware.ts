import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { attachBodyStream, BodyTooLargeError } from '../http/streamed-body';
import type { StreamedRouteTest } from './streamed-routes';

const INFLATE: Record<string, (() => NodeJS.ReadWriteStream) | undefined> = { gzip: createGunzip, deflate: createInflate, br: createBrotliDecompress };

/**
 * Where a body parser would read the whole body, hands a streamed route its body as it arrives.
 * A declared length past the limit is refused before anything is read, as body-parser does.
 */
export function streamedBodyMiddleware(isStreamed: StreamedRouteTest, limit: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!isStreamed(req)) return next();
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity' && INFLATE[encoding] === undefined) return next(new UnsupportedMediaTypeException(`unsupported content encoding "${encoding}"`));
    if (encoding === 'identity' && Number(req.headers['content-length'] ?? 0) > limit) return next(new BodyTooLargeError(limit));
    const { mediaType, charset } = contentTypeOf(req);
    attachBodyStream(req, { mediaType, charset, chunks: limitedChunks(req, res, INFLATE[encoding], limit) });
    next();
  };
}

/** The media type and charset of a request, lower-cased (`text/plain; charset=UTF-8` → text/plain, utf-8). */
export function contentTypeOf(req: IncomingMessage): { mediaType: string | undefined; charset: string | undefined } {
  const [type, ...params] = (req.headers['content-type'] ?? '').split(';');
  const charset = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/^"|"$/g, '');
  return { mediaType: type.trim().toLowerCase() || undefined, charset: charset || undefined };
}

async function* limitedChunks(req: Request, res: Response, inflate: (() => NodeJS.ReadWriteStream) | undefined, limit: number): AsyncGenerator<Buffer> {
  const source: Readable = inflate ? (req.pipe(inflate()) as unknown as Readable) : req;
  let seen = 0;
  let complete = false;
  try {
    // Not destroyed on an early stop: the request's socket must stay open for the answer.
    for await (const chunk of source.iterator({ destroyOnReturn: inflate !== undefined })) {
      const bytes = chunk as Buffer;
      seen += bytes.length;
      if (seen > limit) throw new BodyTooLargeError(limit);
      yield bytes;
    }
    complete = true;
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    throw new BadRequestException(`The request body could not be read / 无法读取请求体: ${(error as Error).message}`);
  } finally {
    // What is left unread is not drained after the answer (a refused upload may be large): the
    // connection closes instead.
    if (!complete && !res.headersSent) res.setHeader('Connection', 'close');
  }
}
