import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { DEFAULT_NOTIFICATION_POLICY } from '../domain/notification-policy';
import type { ActiveNotificationPolicy } from '../store/policy.store';
import { ManageNotificationPolicy } from './manage-notification-policy';

@ApiTags('policy')
@Controller('v1/notification-policy')
export class NotificationPolicyController {
  constructor(private readonly manage: ManageNotificationPolicy) {}

  @Get()
  @Roles('admin', 'supervisor', 'hr')
  @ApiOperation({ summary: 'Flood window, timeouts, retries, backoff and circuit-breaker parameters in force (defaults + overrides)' })
  get(): Promise<ActiveNotificationPolicy & { defaults: typeof DEFAULT_NOTIFICATION_POLICY }> {
    return this.manage.current();
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Replace the overrides (parameters left out take their defaults)' })
  @ApiBody({ schema: { type: 'object', example: { floodWindowMs: 300000, maxAttempts: 6 } } })
  replace(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.manage.replace(body, user.sub);
  }
}
