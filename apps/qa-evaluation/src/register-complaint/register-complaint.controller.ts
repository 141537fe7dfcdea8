import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { RegisterComplaint } from './register-complaint';
import { RegisterComplaintCommand } from './register-complaint.command';

@ApiTags('complaints')
@Controller('v1/complaints')
export class RegisterComplaintController {
  constructor(private readonly register: RegisterComplaint) {}

  @Post()
  @Roles('supervisor', 'qa')
  @ApiOperation({ summary: 'Register a complaint (when, channel, summary, call id, agent)' })
  post(@Body() body: RegisterComplaintCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.register.execute(body, user);
  }
}
