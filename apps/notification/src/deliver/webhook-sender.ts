import { Injectable } from '@nestjs/common';
import type { AlertEvent } from '@app/contracts';
import { signWebhook } from '../domain/webhook-signature';
import type { AttemptResult } from '../store/delivery.store';

/** One signed POST of an alert; never throws: the outcome says what happened. */
@Injectable()
export class WebhookSender {
  async send(url: string, secret: string, alert: AlertEvent, deliveryId: string, timeoutMs: number): Promise<AttemptResult> {
    const body = JSON.stringify(alert);
    const started = performance.now();
    try {
      const res = await fetch(url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'callcentre-scoring-notification/1',
          'X-Signature': signWebhook(secret, body, Math.floor(Date.now() / 1000)),
          'X-Alert-Id': alert.alertId,
          'X-Delivery-Id': deliveryId,
        },
      });
      await res.arrayBuffer().catch(() => undefined); // frees the connection for reuse
      const ok = res.status >= 200 && res.status < 300;
      return { outcome: ok ? 'delivered' : 'failed', statusCode: res.status, latencyMs: performance.now() - started, error: ok ? null : `HTTP ${res.status}` };
    } catch (err) {
      const name = (err as Error).name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return {
        outcome: timedOut ? 'timeout' : 'failed',
        statusCode: null,
        latencyMs: performance.now() - started,
        error: timedOut ? `no answer within ${timeoutMs} ms` : `${cause?.code ?? name}: ${cause?.message ?? (err as Error).message}`,
      };
    }
  }
}
