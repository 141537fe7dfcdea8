import { ApiError } from '../../api/api-error';
import { useApiQuery } from '../../api/hooks';

/** 404 (not transcribed or not checked yet) and 403 (not open to the reader) are answers, not failures to retry. */
const retryUnlessAnswered = (count: number, err: Error) => !(err instanceof ApiError && (err.status === 404 || err.status === 403)) && count < 1;

/** A call's latest transcript (qa-evaluation); 404 until one has come. */
export function useTranscript(callId: string | null) {
  return useApiQuery('qa-evaluation', callId ? `/v1/transcripts/${encodeURIComponent(callId)}` : null, undefined, { retry: retryUnlessAnswered });
}

/** The machine's evaluation of a call: its answers with evidence and every hit; 404 until the transcript is checked. */
export function useAutoEvaluation(callId: string | null) {
  return useApiQuery('qa-evaluation', callId ? `/v1/auto-evaluations/${encodeURIComponent(callId)}` : null, undefined, { retry: retryUnlessAnswered });
}

export const statusOf = (err: unknown): number | null => (err instanceof ApiError ? err.status : null);
