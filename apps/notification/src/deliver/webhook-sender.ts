import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AlertEvent } from '@app/contracts';
import { signWebhook } from '../domain/webhooks/webhook-signature';
import { WEBHOOK_ADDRESS_FORBIDDEN } from '../notification.errors';
import { WebhookAddressGuard } from '../network/webhook-address-guard';
import type { AttemptResult } from '../store/delivery.store';

/** Idle kept-alive sockets are closed before a receiver's usual 5 s keep-alive ends, so none is reused as it closes. */
const IDLE_SOCKET_MS = 4_000;

class NoAnswer extends Error {}

/**
 * One signed POST of an alert; never throws: the outcome says what happened. The agents resolve
 * host names through the address guard, so the address actually connected to is checked (DNS
 * rebinding); a literal address is checked before the request. A refused send opens no socket.
 */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(private readonly guard: WebhookAddressGuard) {
    this.http = new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS, lookup: guard.lookup });
    this.https = new HttpsAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS, lookup: guard.lookup });
  }

  onApplicationShutdown(): void {
    this.http.destroy();
    this.https.destroy();
  }

  send(url: string, secret: string, alert: AlertEvent, deliveryId: string, timeoutMs: number): Promise<AttemptResult> {
    const forbidden = this.guard.refusalBeforeLookup(url);
    if (forbidden) return Promise.resolve(refused(forbidden));
    const body = JSON.stringify(alert);
    const u = new URL(url);
    const started = performance.now();
    return new Promise<AttemptResult>((resolve) => {
      let settled = false;
      const done = (r: AttemptResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      const failed = (err: NodeJS.ErrnoException) => {
        if (err.code === WEBHOOK_ADDRESS_FORBIDDEN) return done(refused(err.message));
        const latencyMs = performance.now() - started;
        if (err instanceof NoAnswer) return done({ outcome: 'timeout', statusCode: null, latencyMs, error: `no answer within ${timeoutMs} ms` });
        done({ outcome: 'failed', statusCode: null, latencyMs, error: `${err.code ?? err.name}: ${err.message}` });
      };
      const https = u.protocol === 'https:';
      const req = (https ? httpsRequest : httpRequest)(u, {
        method: 'POST',
        agent: https ? this.https : this.http,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'User-Agent': 'callcentre-scoring-notification/1',
          'X-Signature': signWebhook(secret, body, Math.floor(Date.now() / 1000)),
          'X-Alert-Id': alert.alertId,
          'X-Delivery-Id': deliveryId,
        },
      });
      const timer = setTimeout(() => req.destroy(new NoAnswer()), timeoutMs);
      req.on('error', failed);
      req.on('response', (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        res.on('error', failed);
        res.on('end', () => {
          const ok = status >= 200 && status < 300;
          done({ outcome: ok ? 'delivered' : 'failed', statusCode: status, latencyMs: performance.now() - started, error: ok ? null : `HTTP ${status}` });
        });
        res.resume(); // the answer's body is not read, only drained so the socket is reused
      });
      req.end(body);
    });
  }
}

const refused = (why: string): AttemptResult => ({ outcome: 'failed', statusCode: null, latencyMs: null, error: `${WEBHOOK_ADDRESS_FORBIDDEN}: ${why}`, refused: true });
