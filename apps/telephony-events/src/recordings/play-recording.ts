import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { actingRoles, NotYourRecordError, OutsideTeamError, scopeKindOf, TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { textProblem } from '../domain/events/call-event-limits';
import { audioContentType } from '../domain/recordings/audio-content-type';
import { byteRange } from '../domain/recordings/byte-range';
import { recordingLocation } from '../domain/recordings/recording-location';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallFactsStore } from '../store/call-facts.store';
import { RecordingFiles } from '../store/recording-files';
import { TelephonyErrors } from '../telephony.errors';

export interface PlayRecordingRequest {
  callId: string;
  /** The request's `Range` and `If-Range` headers, as sent. */
  range?: string;
  ifRange?: string;
}

/** What to answer: audio (all of it, or the part asked for), or 416 with the file's size. */
export type PlayRecordingAnswer =
  | { kind: 'audio'; status: 200 | 206; contentType: string; size: number; start: number; end: number; etag: string; lastModified: string; fileName: string; body: Readable }
  | { kind: 'unsatisfiable'; size: number };

/**
 * Plays a call's recording from the recordings directory (issue 19: the console's player streams it through
 * this route, so the browser never holds storage credentials). Who may: anyone the route admits who reaches
 * one of the call's agents — a supervisor or QA inspector their own teams' calls, an agent their own (team
 * scope, libs/auth); a call no agent took belongs to the centre, like the call itself.
 */
@Injectable()
export class PlayRecording {
  constructor(
    private readonly facts: CallFactsStore,
    private readonly files: RecordingFiles,
    private readonly policy: TelephonyPolicyStore,
    private readonly scope: TransactionScope,
    private readonly teams: TeamScope,
  ) {}

  async execute(req: PlayRecordingRequest, user: AuthenticatedUser): Promise<PlayRecordingAnswer> {
    const { values } = await this.policy.current();
    const problem = textProblem(req.callId, 'callId', values.idMaxLength);
    if (problem) throw TelephonyErrors.badCallId(problem.message);
    const stored = await this.scope.run(() => this.facts.get(req.callId));
    if (!stored) throw TelephonyErrors.callNotFound(req.callId);
    await this.assertMayPlay(user, [...new Set(stored.facts.legs.map((l) => l.agentId))]);
    const recording = stored.facts.recording;
    if (!recording) throw TelephonyErrors.recordingNotFound(req.callId);

    const location = recordingLocation(recording.uri);
    if (location.kind === 'remote') throw TelephonyErrors.recordingStoreUnsupported(location.scheme);
    if (location.kind === 'refused') throw TelephonyErrors.recordingPathRefused(req.callId);
    const opened = await this.files.open(location.path);
    if (opened.kind === 'outside') throw TelephonyErrors.recordingPathRefused(req.callId);
    if (opened.kind === 'missing') throw TelephonyErrors.recordingFileMissing(req.callId);

    const { file } = opened;
    const etag = `"${file.size.toString(16)}-${file.modifiedAt.getTime().toString(16)}"`;
    const lastModified = file.modifiedAt.toUTCString();
    const range = byteRange(req.range, file.size, req.ifRange, { etag, lastModified });
    if (range.kind === 'unsatisfiable') {
      await file.close();
      return { kind: 'unsatisfiable', size: file.size };
    }
    const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, file.size - 1];
    return {
      kind: 'audio', status: range.kind === 'part' ? 206 : 200, contentType: audioContentType(file.name, recording.format),
      size: file.size, start, end, etag, lastModified, fileName: file.name,
      body: file.read(file.size === 0 ? undefined : { start, end }),
    };
  }

  private async assertMayPlay(user: AuthenticatedUser, agentIds: string[]): Promise<void> {
    const reach = await this.teams.reachOf(user);
    if (reach.all) return;
    const self = scopeKindOf(actingRoles(user)) === 'self';
    if (agentIds.length === 0 && !self) return;
    const outside = await this.teams.outside(reach, agentIds);
    if (outside.length < agentIds.length) return; // one of its agents is within reach
    throw self ? new NotYourRecordError() : new OutsideTeamError(agentIds);
  }
}
