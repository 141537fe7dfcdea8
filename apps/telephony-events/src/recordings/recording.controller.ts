import { Controller, Get, Headers, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiErrorResponses, ErrorBodySchema } from '@app/platform';
import { TelephonyErrors } from '../telephony.errors';
import { PlayRecording } from './play-recording';

const AUDIO = { type: 'string', format: 'binary' } as const;

/** A call's recording as audio, for the console's player: whole or by byte range, so seeking works. */
@ApiTags('calls')
@Controller('v1/calls')
export class RecordingController {
  constructor(private readonly play: PlayRecording) {}

  @Get(':callId/recording')
  @Roles('qa', 'supervisor', 'manager', 'admin', 'agent')
  @ApiOperation({
    summary: "A call's recording (audio/wav, audio/mpeg…), `Range: bytes=a-b` → 206: from the recordings directory (`RECORDINGS_DIR`); "
      + 'supervisors and QA: calls of their own teams, agents: their own calls. S3 / HTTP recordings: 501 TELEPHONY.RECORDING_STORE_UNSUPPORTED',
  })
  @ApiHeader({ name: 'Range', required: false, description: 'One range, `bytes=a-b`, `bytes=a-` or `bytes=-n`' })
  @ApiProduces('audio/wav', 'audio/mpeg', 'audio/ogg', 'application/octet-stream')
  @ApiResponse({ status: 200, description: 'The whole recording (`Accept-Ranges: bytes`)', content: { 'audio/*': { schema: AUDIO } } })
  @ApiResponse({ status: 206, description: 'The bytes asked for, with `Content-Range`', content: { 'audio/*': { schema: AUDIO } } })
  @ApiErrorResponses(400, 401, 403, 404)
  @ApiResponse({ status: 416, description: 'The range is past the end (`Content-Range: bytes */size`) / 请求范围超出录音长度', schema: { $ref: getSchemaPath(ErrorBodySchema) } })
  @ApiResponse({ status: 501, description: 'TELEPHONY.RECORDING_STORE_UNSUPPORTED: the recording is in S3 or behind HTTP / 暂不支持该存储', schema: { $ref: getSchemaPath(ErrorBodySchema) } })
  async get(
    @Param('callId') callId: string,
    @Headers('range') range: string | undefined,
    @Headers('if-range') ifRange: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const answer = await this.play.execute({ callId, range, ifRange }, user);
    res.setHeader('Accept-Ranges', 'bytes');
    if (answer.kind === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${answer.size}`);
      throw TelephonyErrors.rangeNotSatisfiable(answer.size);
    }
    res.status(answer.status);
    if (answer.status === 206) res.setHeader('Content-Range', `bytes ${answer.start}-${answer.end}/${answer.size}`);
    res.setHeader('ETag', answer.etag);
    res.setHeader('Last-Modified', answer.lastModified);
    // A recording is personal data: no shared cache keeps it, and no browser takes it for anything but audio.
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(answer.body, {
      type: answer.contentType,
      length: answer.end - answer.start + 1,
      disposition: `inline; filename*=UTF-8''${encodeURIComponent(answer.fileName)}`,
    });
  }
}
