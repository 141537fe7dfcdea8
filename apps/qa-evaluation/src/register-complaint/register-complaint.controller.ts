import { Body, Controller, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { RegisterComplaint } from './register-complaint';

@ApiTags('complaints')
@Controller('v1/complaints')
export class RegisterComplaintController {
  constructor(private readonly register: RegisterComplaint) {}

  @Post()
  @Roles('supervisor', 'qa')
  @ApiOperation({ summary: 'Register a complaint (when, channel, summary, call id, agent)' })
  @ApiBody({ schema: { type: 'object', required: ['receivedAt', 'channel', 'summary'] } })
  post(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.register.execute(body, user);
  }
}
