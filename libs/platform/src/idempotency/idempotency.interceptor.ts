import { HttpStatus, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { quoteIdent } from '@app/persistence';
import { requestError } from '../errors/request-errors';
import { isValidIdempotencyKey, requestFingerprint } from './request-fingerprint';

export interface IdempotencyOptions {
  /** How long a second request waits for the first one under its key to finish. */
  waitMs: number;
  /** A claim older than this whose request never finished (its process died) may be taken over. */
  staleMs: number;
}

const DEFAULTS: IdempotencyOptions = { waitMs: 15_000, staleMs: 60_000 };

type Row = { fingerprint: string; state: 'pending' | 'done'; response: unknown; stale: boolean };

/**
 * `Idempotency-Key` on every POST of every service (contracts.md, third round): the same key and the same request from
 * the same caller get the first answer — a double click files one fine — and another request under a used key is a
 * 409. Concurrent repeats wait for the first to finish. Only successful answers are kept: a refused or failed request
 * leaves nothing behind, so a retry runs it again.
 */
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly table: string;
  private readonly options: IdempotencyOptions;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
    private readonly reflector: Reflector,
    options: Partial<IdempotencyOptions> = {},
  ) {
    this.table = `${quoteIdent(schema)}.idempotency_key`;
    this.options = { ...DEFAULTS, ...options };
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    // The JetStream transport inherits the app's interceptors: messages have their own dedupe (the inbox).
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request & { user?: { sub?: string } }>();
    const header = req.headers['idempotency-key'];
    if (req.method !== 'POST' || header === undefined) return next.handle();
    return from(this.once(req, Array.isArray(header) ? header.join(',') : header, ctx, next));
  }

  private async once(req: Request & { user?: { sub?: string } }, key: string, ctx: ExecutionContext, next: CallHandler): Promise<unknown> {
    if (!isValidIdempotencyKey(key)) {
      throw requestError('REQUEST.IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1–200 visible ASCII characters / Idempotency-Key 须为 1–200 个可见 ASCII 字符', [{ path: 'headers.idempotency-key', message: 'invalid' }]);
    }
    const principal = req.user?.sub ?? '';
    const fingerprint = requestFingerprint(req.method, req.originalUrl ?? req.url, req.body);
    const replay = await this.claimOrReplay(principal, key, fingerprint);
    if (replay.done) return replay.response;
    try {
      const response = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const status = this.reflector.get<number>(HTTP_CODE_METADATA, ctx.getHandler()) ?? HttpStatus.CREATED;
      await this.dataSource.query(
        `UPDATE ${this.table} SET state = 'done', status = $3, response = $4::jsonb WHERE principal = $1 AND key = $2`,
        [principal, key, status, JSON.stringify(response ?? null)],
      );
      return response;
    } catch (err) {
      await this.dataSource.query(`DELETE FROM ${this.table} WHERE principal = $1 AND key = $2 AND state = 'pending'`, [principal, key]);
      throw err;
    }
  }

  /** Claims the key for this request, or waits for the first request under it and answers as it did. */
  private async claimOrReplay(principal: string, key: string, fingerprint: string): Promise<{ done: false } | { done: true; response: unknown }> {
    const deadline = Date.now() + this.options.waitMs;
    for (;;) {
      const claimed = await this.dataSource.query(
        `INSERT INTO ${this.table} (principal, key, fingerprint, state) VALUES ($1, $2, $3, 'pending') ON CONFLICT DO NOTHING RETURNING 1`,
        [principal, key, fingerprint],
      );
      if (claimed.length > 0) return { done: false };
      const [row]: Row[] = await this.dataSource.query(
        `SELECT fingerprint, state, response, claimed_at < clock_timestamp() - make_interval(secs => $3::float8 / 1000) AS stale
         FROM ${this.table} WHERE principal = $1 AND key = $2`,
        [principal, key, this.options.staleMs],
      );
      if (!row) continue; // the first request failed and let the key go: claim it
      if (row.fingerprint !== fingerprint) {
        throw requestError('REQUEST.IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another request / 此 Idempotency-Key 已用于另一个请求', [{ path: 'headers.idempotency-key', message: 'reused' }]);
      }
      if (row.state === 'done') return { done: true, response: row.response };
      if (row.stale) {
        // Its request's process died before finishing. Only a death between the business commit and marking the key
        // done (one statement apart) lets this retry repeat it.
        await this.dataSource.query(`DELETE FROM ${this.table} WHERE principal = $1 AND key = $2 AND state = 'pending'`, [principal, key]);
        continue;
      }
      if (Date.now() > deadline) {
        throw requestError('REQUEST.IDEMPOTENCY_KEY_IN_FLIGHT', 'The first request under this Idempotency-Key is still running / 同一 Idempotency-Key 的首个请求仍在处理中', [{ path: 'headers.idempotency-key', message: 'in flight' }]);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
