import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AlertEvent } from '@app/contracts';
import { renderAlertEmail, type Language } from '../domain/email/email-template';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../notification-settings';
import type { AttemptResult } from '../store/delivery.store';

/** One alert as one e-mail over SMTP (`SMTP_URL`), in the recipient's language, text and HTML. */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private transport?: { timeoutMs: number; t: Transporter };

  constructor(@Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings) {}

  async send(to: string, language: Language, alert: AlertEvent, timeZone: string, timeoutMs: number): Promise<AttemptResult> {
    const started = performance.now();
    if (!this.settings.smtpUrl) return { outcome: 'failed', statusCode: null, latencyMs: 0, error: 'SMTP_URL not configured' };
    const content = renderAlertEmail(alert, language, timeZone);
    try {
      const info = await this.transporter(timeoutMs).sendMail({
        from: this.settings.mailFrom,
        to,
        subject: content.subject,
        text: content.text,
        html: content.html,
        headers: { 'X-Alert-Id': alert.alertId },
      });
      const rejected = (info.rejected ?? []).length > 0;
      return { outcome: rejected ? 'failed' : 'delivered', statusCode: 250, latencyMs: performance.now() - started, error: rejected ? `rejected: ${String(info.response)}` : null };
    } catch (err) {
      const e = err as { code?: string; responseCode?: number; message?: string };
      const timedOut = e.code === 'ETIMEDOUT';
      return { outcome: timedOut ? 'timeout' : 'failed', statusCode: e.responseCode ?? null, latencyMs: performance.now() - started, error: `${e.code ?? 'SMTP'}: ${e.message}` };
    }
  }

  onApplicationShutdown(): void {
    this.transport?.t.close();
  }

  private transporter(timeoutMs: number): Transporter {
    if (!this.transport || this.transport.timeoutMs !== timeoutMs) {
      this.transport?.t.close();
      const t = createTransport({ url: this.settings.smtpUrl!, pool: true, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs } as Parameters<typeof createTransport>[0]);
      this.transport = { timeoutMs, t };
    }
    return this.transport.t;
  }
}
