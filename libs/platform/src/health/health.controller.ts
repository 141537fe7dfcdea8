import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@app/auth';
import { LiveSchema, ReadySchema } from './health.schema';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Public()
  @Get('live')
  @HttpCode(200)
  @ApiOkResponse({ type: LiveSchema })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 only when the database, NATS and every stream and consumer are in place. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadySchema, description: 'Ready' })
  @ApiServiceUnavailableResponse({ type: ReadySchema, description: 'Not ready: the checks say which part is missing' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: string; checks: Record<string, boolean> } & Record<string, unknown>> {
    const results: Record<string, boolean> = {};
    const details: Record<string, unknown> = {};
    await Promise.all(
      this.checks.map(async (c) => {
        results[c.name] = await c.check().catch(() => false);
        if (c.details) Object.assign(details, await c.details().catch(() => ({})));
      }),
    );
    const ok = Object.values(results).every(Boolean);
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ready' : 'not-ready', checks: results, ...details };
  }
}
