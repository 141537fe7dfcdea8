import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '@app/contracts';
import type { RequestErrorCode } from '../errors/request-errors';

/** What node's parser refused, as the answer node itself would give, but with the contract's body. */
function answerFor(code: string | undefined): { status: number; error: RequestErrorCode; message: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, error: 'REQUEST.HEADERS_TOO_LARGE', message: 'The request line and headers are too large / 请求行与请求头过大' };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, error: 'REQUEST.TOO_LARGE', message: 'The chunk extensions are too large / 分块扩展过大' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, error: 'REQUEST.TIMEOUT', message: 'The request took too long to arrive / 请求超时' };
    default:
      return { status: 400, error: 'REQUEST.MALFORMED', message: 'The request is not valid HTTP / 请求不是有效的 HTTP' };
  }
}

/** The raw HTTP answer for a parser error: there is no request or response object, only the socket. */
export function clientErrorResponse(code: string | undefined): string {
  const { status, error, message } = answerFor(code);
  const body: ErrorBody = { error, message, details: [] };
  const text = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(text)}`,
    'Connection: close',
    '',
    text,
  ].join('\r\n');
}

/**
 * Requests node's HTTP parser refuses (a URL or headers past `maxHeaderSize`, a malformed request
 * line, a NUL in a header) never reach Express: node answers them itself with an empty body. This
 * answers them as every other error is answered, `{ error, message, details }`, with node's status.
 */
export function answerClientErrorsWithErrorBody(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }) => {
    // A socket already answering (or gone) gets nothing more: half an answer would corrupt it.
    if (err.code === 'ECONNRESET' || !socket.writable || (socket.bytesWritten ?? 0) > 0) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(err.code));
  });
}
