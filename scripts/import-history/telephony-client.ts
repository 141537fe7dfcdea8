import type { Answer } from './post-outcome';

/** A chunk is a few MB; the service stores it in slices. Past this, the attempt counts as a network failure and is retried. */
const REQUEST_TIMEOUT_MS = 5 * 60_000;

export interface Upload {
  path: string;
  contentType: string;
  body: Buffer;
}

/** One POST. Throws only when no answer came (refused connection, reset, timeout): the caller retries those. */
export async function post(baseUrl: string, token: string, upload: Upload): Promise<Answer> {
  const res = await fetch(new URL(upload.path, baseUrl), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': upload.contentType },
    body: upload.body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's HTML error page: kept as text, the status decides.
  }
  const retryAfter = Number(res.headers.get('retry-after'));
  return { status: res.status, body, retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined };
}
