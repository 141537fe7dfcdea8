import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { COMPLAINT_CATEGORIES } from '@app/contracts';
import { JudgeComplaint } from './judge-complaint';

@ApiTags('complaints')
@Controller('v1/complaints')
export class JudgeComplaintController {
  constructor(private readonly judge: JudgeComplaint) {}

  @Post(':id/judgement')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Judge valid or not, with category and reason; publishes qa.complaint.judged' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['valid', 'category', 'reason'],
      additionalProperties: false,
      properties: {
        valid: { type: 'boolean' },
        agentId: { type: 'string', description: 'The agent responsible (required for a valid complaint unless registered with one)' },
        category: {
          type: 'string',
          enum: [...COMPLAINT_CATEGORIES],
          description: 'attitude 服务态度, knowledge 产品知识, process 工作流程, other 其他: knowledge and process complaints cost applying knowledge; anything else → 422 QA.COMPLAINT_CATEGORY_UNKNOWN',
        },
        reason: { type: 'string' },
      },
    },
  })
  post(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.judge.execute(id, body, user);
  }
}
