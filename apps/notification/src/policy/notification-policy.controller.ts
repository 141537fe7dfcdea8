import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { DEFAULT_NOTIFICATION_POLICY } from '../domain/policy/notification-policy';
import type { ActiveNotificationPolicy } from '../store/policy.store';
import { ManageNotificationPolicy } from './manage-notification-policy';
import { NotificationPolicyCommand } from './notification-policy.command';

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
  replace(@Body() command: NotificationPolicyCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.manage.replace(command, user.sub);
  }
}
