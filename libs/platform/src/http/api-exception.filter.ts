import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import type { ErrorBody } from '@app/contracts';
import { DomainError } from '../errors/domain-error';
import { requestError } from '../errors/request-errors';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'REQUEST.NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  409: 'REQUEST.CONFLICT',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  422: 'REQUEST.UNPROCESSABLE',
  429: 'REQUEST.TOO_MANY',
};

/** Every HTTP error leaves as the contract's body: `{ error, message, details }`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    // In a message handler, hand the original error back to the JetStream transport: it decides
    // between retry and dead-letter and records the error text (Nest's RPC default would hide both).
    if (host.getType() !== 'http') return throwError(() => exception);
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toBody(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(status).json(body);
  }

  toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof DomainError) {
      return {
        status: exception.status,
        body: { error: exception.code, message: exception.message, details: exception.details, ...exception.extra },
      };
    }
    if (isBodyParserError(exception)) {
      const tooLarge = exception.type === 'entity.too.large';
      return {
        status: tooLarge ? 413 : 400,
        body: {
          error: tooLarge ? 'REQUEST.TOO_LARGE' : 'REQUEST.MALFORMED_JSON',
          message: tooLarge ? 'The request body is too large / 请求体过大' : `The body is not valid JSON / 请求体不是有效的 JSON: ${exception.message}`,
          details: [{ path: 'body', message: exception.message }],
        },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const cause = exception.cause;
      // Express hands a middleware's error to Nest wrapped: a body parser's own, or one the
      // platform's `verify` threw (REQUEST.TOO_DEEP), keeps its code.
      if (isBodyParserError(cause) || cause instanceof DomainError) return this.toBody(cause);
      // A path parameter whose %-escapes are not UTF-8 (`%ED%A0%80` is a lone surrogate, `%E0%A4%A` half a character).
      if (cause instanceof URIError) {
        return this.toBody(requestError('REQUEST.INVALID_TEXT', 'The URL holds %-escapes that are not UTF-8 text / URL 含有无效的编码', [{ path: 'url', message: cause.message }]));
      }
      const r = (typeof response === 'object' && response ? response : {}) as { code?: unknown; message?: unknown };
      const message = typeof response === 'string' ? response : String(r.message ?? exception.message);
      const code = typeof r.code === 'string' ? r.code : (CODE_BY_STATUS[status] ?? `HTTP.${status}`);
      return { status, body: { error: code, message, details: [] } };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: 'INTERNAL', message: 'Internal error / 内部错误', details: [] },
    };
  }
}

interface BodyParserError {
  type: string;
  message: string;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  const t = (e as { type?: unknown } | undefined)?.type;
  return typeof t === 'string' && (t === 'entity.parse.failed' || t === 'entity.too.large');
}
