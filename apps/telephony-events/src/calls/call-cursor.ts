/** Where a page of calls ended: opaque to clients (base64url JSON), checked when it comes back. */
export interface CallCursor { at: number; callId: string }

export const encodeCursor = (c: CallCursor): string => Buffer.from(JSON.stringify([c.at, c.callId])).toString('base64url');

export function decodeCursor(text: string): CallCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === 'string' && value[1].length <= 400) {
      return { at: value[0], callId: value[1] };
    }
  } catch {
    // not a cursor this service wrote
  }
  return null;
}
