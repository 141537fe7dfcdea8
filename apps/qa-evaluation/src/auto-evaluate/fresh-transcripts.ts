import { Injectable } from '@nestjs/common';
import type { Segment } from '../domain/speech/transcript';
import type { FreshTranscript } from '../store/auto-evaluation-signal';

/** At most this many transcripts' segments are held (~15 MB of heap at 80 segments each). */
const HELD_MAX = 1_000;

/**
 * The segments of transcripts this instance just stored, until the evaluation takes them: the evaluation then
 * claims those rows without reading the segments back. Bounded; what is not held is read from the store.
 */
@Injectable()
export class FreshTranscripts {
  private readonly held = new Map<string, { version: number; segments: Segment[] }>();

  add(fresh: FreshTranscript[]): void {
    for (const t of fresh) {
      this.held.delete(t.callId);
      // Full: the oldest goes (a transcript waiting for its call is read from the store when the call comes).
      if (this.held.size >= HELD_MAX) this.held.delete(this.held.keys().next().value as string);
      this.held.set(t.callId, { version: t.version, segments: t.segments });
    }
  }

  callIds(): string[] {
    return [...this.held.keys()];
  }

  /** The held segments of this version of the call's transcript, or undefined; either way the call is forgotten. */
  take(callId: string, version: number): Segment[] | undefined {
    const held = this.held.get(callId);
    this.held.delete(callId);
    return held?.version === version ? held.segments : undefined;
  }
}
