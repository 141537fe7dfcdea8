import { ForbiddenException } from '@nestjs/common';

/** 403 `AUTH.OUTSIDE_YOUR_TEAM`: a supervisor or QA inspector asked about someone outside their team(s). */
export class OutsideTeamError extends ForbiddenException {
  constructor(readonly agentIds: readonly string[]) {
    const who = agentIds.join(', ');
    super({
      code: 'AUTH.OUTSIDE_YOUR_TEAM',
      message: `${who} ${agentIds.length === 1 ? 'is' : 'are'} not in a team you lead / ${who} 不在您负责的班组`,
    });
  }
}

/** 403 `AUTH.NOT_YOUR_RECORD`: an agent asked about someone else. */
export class NotYourRecordError extends ForbiddenException {
  constructor() {
    super({ code: 'AUTH.NOT_YOUR_RECORD', message: 'Agents may only see their own records / 坐席只能查看本人记录' });
  }
}
