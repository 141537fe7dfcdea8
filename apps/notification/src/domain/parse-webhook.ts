import { KIND_PATTERN_SYNTAX } from './kind-pattern';
import type { InputProblem } from './parse-routing-rule';

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

/** A webhook endpoint from a request body; `urlNotHttp` is its own refusal (the issue names it). */
export function parseWebhook(body: unknown): { webhook: WebhookInput } | { problems: InputProblem[]; urlNotHttp: boolean } {
  const b = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : null) as Record<string, unknown> | null;
  if (!b) return { problems: [{ path: 'body', message: 'must be a webhook object { url, secret, kinds }' }], urlNotHttp: false };
  const problems: InputProblem[] = [];
  for (const k of Object.keys(b)) if (!['webhookId', 'url', 'secret', 'kinds', 'enabled'].includes(k)) problems.push({ path: k, message: 'unknown field' });
  if (b.webhookId !== undefined && (typeof b.webhookId !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(b.webhookId))) problems.push({ path: 'webhookId', message: 'letters, digits, dot, dash or underscore (≤ 100)' });
  const urlNotHttp = typeof b.url === 'string' && !isHttpUrl(b.url);
  if (typeof b.url !== 'string' || urlNotHttp) problems.push({ path: 'url', message: 'must be an http(s) URL' });
  if (typeof b.secret !== 'string' || b.secret.length < MIN_SECRET_LENGTH) problems.push({ path: 'secret', message: `must be a string of at least ${MIN_SECRET_LENGTH} characters` });
  if (!Array.isArray(b.kinds) || b.kinds.length === 0) problems.push({ path: 'kinds', message: 'must list at least one alert kind or pattern (`*` for all)' });
  else b.kinds.forEach((k, i) => (typeof k === 'string' && KIND_PATTERN_SYNTAX.test(k)) || problems.push({ path: `kinds[${i}]`, message: 'not a kind or a kind pattern' }));
  if (b.enabled !== undefined && typeof b.enabled !== 'boolean') problems.push({ path: 'enabled', message: 'must be true or false' });
  if (problems.length) return { problems, urlNotHttp };
  return { webhook: { ...(b.webhookId ? { webhookId: b.webhookId as string } : {}), url: b.url as string, secret: b.secret as string, kinds: b.kinds as string[], enabled: b.enabled !== false } };
}
