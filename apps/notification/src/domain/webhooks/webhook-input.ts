import { elementProblems, type InputProblem } from '../input/input-problem';
import { notAKindPattern } from '../routing/routing-rule-input';

export interface WebhookInput {
  webhookId?: string;
  url: string;
  secret: string;
  kinds: string[];
  enabled: boolean;
}

/** Shared secrets shorter than this are guessable; Svix-style generated secrets are far longer. */
export const MIN_SECRET_LENGTH = 16;

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Each kind of the endpoint by its index: a kind or a glob (`call.*`, `*`). */
export const webhookKindProblems = (kinds: readonly string[]): InputProblem[] => elementProblems(kinds, 'kinds', notAKindPattern);

export const toWebhookInput = (w: Omit<WebhookInput, 'enabled'> & { enabled?: boolean }): WebhookInput => ({
  ...(w.webhookId !== undefined ? { webhookId: w.webhookId } : {}),
  url: w.url,
  secret: w.secret,
  kinds: w.kinds,
  enabled: w.enabled !== false,
});
