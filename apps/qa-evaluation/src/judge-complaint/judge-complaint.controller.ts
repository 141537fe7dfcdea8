import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { JudgeComplaint } from './judge-complaint';

@ApiTags('complaints')
@Controller('v1/complaints')
export class JudgeComplaintController {
  constructor(private readonly judge: JudgeComplaint) {}

  @Post(':id/judgement')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Judge valid or not, with category and reason; publishes qa.complaint.judged' })
  @ApiBody({ schema: { type: 'object', required: ['valid', 'category', 'reason'] } })
  post(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.judge.execute(id, body, user.sub);
  }
}
