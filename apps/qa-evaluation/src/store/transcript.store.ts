import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { LegOfCall } from '../domain/speech/agent-of-call';
import type { RejectedSegment, Segment } from '../domain/speech/transcript';
import { PgStore } from './pg-store';

export type TranscriptState = 'pending' | 'waiting' | 'checked' | 'failed';

export interface NewTranscript {
  callId: string;
  source: string;
  segments: Segment[];
  /** `segments` as JSON, when the caller has it already (it hashed it): not written out twice. */
  segmentsJson?: string;
  contentHash: string;
  durationMs: number;
  /** What was refused of it (the first ones), and how many in all. */
  rejections: RejectedSegment[];
  rejectedCount: number;
}

export interface StoredTranscript extends NewTranscript {
  version: number;
  state: TranscriptState;
  receivedAt: Date;
  checkedAt: Date | null;
}

/** A transcript ready to check: its call copy is there. */
export interface TranscriptToCheck {
  callId: string;
  version: number;
  /** Null when the caller said it holds them (`held`). */
  segments: Segment[] | null;
  callVersion: number;
  startedAt: Date | null;
  legs: LegOfCall[];
}

/** The latest transcript of each call and where its checking stands. */
export abstract class TranscriptStore {
  /**
   * Keeps each transcript as its call's latest (version + 1), in one statement; `duplicate` when the latest already
   * has this content. The calls must differ.
   */
  abstract saveMany(list: NewTranscript[]): Promise<Array<{ version: number; duplicate: boolean }>>;
  abstract get(callId: string): Promise<StoredTranscript | null>;
  /**
   * Up to `limit` transcripts to check whose call copy has arrived (or, for one that found no answered leg, a
   * newer call copy), locked for the open transaction; other instances skip them.
   */
  abstract claimToCheck(limit: number, held?: string[]): Promise<TranscriptToCheck[]>;
  /** The segments of these versions of transcripts (those still the latest). */
  abstract segmentsOf(calls: Array<{ callId: string; version: number }>): Promise<Map<string, Segment[]>>;
  abstract markChecked(calls: Array<{ callId: string; version: number }>): Promise<void>;
  /** Checked against a call copy without an answered leg: tried again when a newer copy comes. */
  abstract markWaiting(calls: Array<{ callId: string; version: number; callVersion: number }>): Promise<void>;
  abstract markFailed(callId: string, version: number, error: string): Promise<void>;
}

interface Row {
  call_id: string; version: number; content_hash: string; source: string; segments: Segment[]; duration_ms: number;
  rejected_count: number; rejections: RejectedSegment[]; state: TranscriptState; received_at: Date; checked_at: Date | null;
}

@Injectable()
export class PgTranscriptStore extends PgStore implements TranscriptStore {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async saveMany(list: NewTranscript[]): Promise<Array<{ version: number; duplicate: boolean }>> {
    if (!list.length) return [];
    // The batch travels as one JSON document: one statement, one round trip, whatever its size. The segments are
    // spliced in as the JSON the caller already made of them (the bulk of the document).
    const doc = `[${list.map((t) => {
      const head = JSON.stringify({
        call_id: t.callId, content_hash: t.contentHash, source: t.source, segment_count: t.segments.length,
        duration_ms: t.durationMs, rejected_count: t.rejectedCount, rejections: t.rejections,
      });
      return `${head.slice(0, -1)},"segments":${t.segmentsJson ?? JSON.stringify(t.segments)}}`;
    }).join(',')}]`;
    const rows = await this.q<{ call_id: string; version: number; duplicate: boolean }>(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(call_id text, content_hash text, source text, segments jsonb, segment_count int,
           duration_ms int, rejected_count int, rejections jsonb)
       ), saved AS (
         INSERT INTO qa.transcript (call_id, version, content_hash, source, segments, segment_count, duration_ms, rejected_count, rejections, state)
         SELECT call_id, 1, content_hash, source, segments, segment_count, duration_ms, rejected_count, rejections, 'pending' FROM input
         ON CONFLICT (call_id) DO UPDATE SET version = qa.transcript.version + 1, content_hash = EXCLUDED.content_hash, source = EXCLUDED.source,
           segments = EXCLUDED.segments, segment_count = EXCLUDED.segment_count, duration_ms = EXCLUDED.duration_ms,
           rejected_count = EXCLUDED.rejected_count, rejections = EXCLUDED.rejections, state = 'pending', call_version = NULL, error = NULL,
           received_at = now(), checked_at = NULL
         WHERE qa.transcript.content_hash <> EXCLUDED.content_hash
         RETURNING call_id, version
       )
       -- A duplicate is not written: its version is the one kept (the statement's snapshot shows it).
       SELECT i.call_id, COALESCE(s.version, t.version) AS version, s.call_id IS NULL AS duplicate
       FROM input i LEFT JOIN saved s ON s.call_id = i.call_id LEFT JOIN qa.transcript t ON t.call_id = i.call_id AND s.call_id IS NULL`,
      [doc],
    );
    const byCall = new Map(rows.map((r) => [r.call_id, r]));
    return list.map((t) => ({ version: byCall.get(t.callId)!.version, duplicate: byCall.get(t.callId)!.duplicate }));
  }

  async get(callId: string): Promise<StoredTranscript | null> {
    const [r] = await this.q<Row>(`SELECT * FROM qa.transcript WHERE call_id = $1`, [callId]);
    if (!r) return null;
    return {
      callId: r.call_id, version: r.version, contentHash: r.content_hash, source: r.source, segments: r.segments, durationMs: r.duration_ms,
      rejectedCount: r.rejected_count, rejections: r.rejections, state: r.state, receivedAt: r.received_at, checkedAt: r.checked_at,
    };
  }

  async claimToCheck(limit: number, held: string[] = []): Promise<TranscriptToCheck[]> {
    const rows = await this.q<{ call_id: string; version: number; segments: Segment[] | null; call_version: number; started_at: Date | null; legs: LegOfCall[] | null }>(
      // The segments are the bulk of a row: not read for the transcripts the caller holds.
      `SELECT t.call_id, t.version, CASE WHEN t.call_id = ANY($2::text[]) THEN NULL ELSE t.segments END AS segments,
              f.version AS call_version, f.started_at, f.facts->'legs' AS legs
       FROM qa.transcript t JOIN qa.call_fact f ON f.call_id = t.call_id
       WHERE t.state IN ('pending', 'waiting') AND (t.state = 'pending' OR f.version > t.call_version)
       ORDER BY t.received_at LIMIT $1
       FOR UPDATE OF t SKIP LOCKED`,
      [limit, held],
    );
    return rows.map((r) => ({ callId: r.call_id, version: r.version, segments: r.segments, callVersion: r.call_version, startedAt: r.started_at, legs: r.legs ?? [] }));
  }

  async segmentsOf(calls: Array<{ callId: string; version: number }>): Promise<Map<string, Segment[]>> {
    if (!calls.length) return new Map();
    const rows = await this.q<{ call_id: string; segments: Segment[] }>(
      `SELECT t.call_id, t.segments FROM qa.transcript t JOIN unnest($1::text[], $2::int[]) AS c(call_id, version) ON t.call_id = c.call_id AND t.version = c.version`,
      [calls.map((c) => c.callId), calls.map((c) => c.version)],
    );
    return new Map(rows.map((r) => [r.call_id, r.segments]));
  }

  async markChecked(calls: Array<{ callId: string; version: number }>): Promise<void> {
    if (!calls.length) return;
    await this.q(
      `UPDATE qa.transcript t SET state = 'checked', checked_at = clock_timestamp()
       FROM unnest($1::text[], $2::int[]) AS c(call_id, version) WHERE t.call_id = c.call_id AND t.version = c.version`,
      [calls.map((c) => c.callId), calls.map((c) => c.version)],
    );
  }

  async markWaiting(calls: Array<{ callId: string; version: number; callVersion: number }>): Promise<void> {
    if (!calls.length) return;
    await this.q(
      `UPDATE qa.transcript t SET state = 'waiting', call_version = c.call_version
       FROM unnest($1::text[], $2::int[], $3::int[]) AS c(call_id, version, call_version) WHERE t.call_id = c.call_id AND t.version = c.version`,
      [calls.map((c) => c.callId), calls.map((c) => c.version), calls.map((c) => c.callVersion)],
    );
  }

  async markFailed(callId: string, version: number, error: string): Promise<void> {
    await this.q(`UPDATE qa.transcript SET state = 'failed', error = $3 WHERE call_id = $1 AND version = $2`, [callId, version, error.slice(0, 2000)]);
  }
}
