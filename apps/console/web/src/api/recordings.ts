import { toApiError } from './api-error';
import { apiUrl } from './client';

/**
 * An `<audio src>` cannot send the bearer header: the console keeps the token in an HttpOnly cookie scoped to
 * recordings (`POST /auth/media-session`) and its proxy turns it back into the header for a recording's GET.
 */
const MEDIA_SESSION = '/auth/media-session';

export async function openMediaSession(token: string): Promise<true> {
  const res = await fetch(MEDIA_SESSION, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null));
  return true;
}

/** Signing out forgets the recordings cookie too (fire and forget: it expires with the token anyway). */
export function closeMediaSession(): void {
  void fetch(MEDIA_SESSION, { method: 'DELETE' }).catch(() => undefined);
}

/** Where a call's recording plays from: telephony-events through the console's proxy. */
export const recordingUrl = (callId: string): string => apiUrl('telephony-events', `/v1/calls/${encodeURIComponent(callId)}/recording`);
