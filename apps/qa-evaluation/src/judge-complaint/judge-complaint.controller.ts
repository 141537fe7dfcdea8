import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { JudgeComplaint } from './judge-complaint';
import { JudgeComplaintCommand } from './judge-complaint.command';

@ApiTags('complaints')
@Controller('v1/complaints')
export class JudgeComplaintController {
  constructor(private readonly judge: JudgeComplaint) {}

  @Post(':id/judgement')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Judge valid or not, with category and reason; publishes qa.complaint.judged' })
  post(@Param('id') id: string, @Body() command: JudgeComplaintCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.judge.execute(id, command, user);
  }
}
