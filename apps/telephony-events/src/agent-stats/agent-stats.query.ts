import { QueueFilter } from '../common/stats-window.query';
import { PagedWindowQuery } from '../common/time-window.query';

/** `GET /v1/agents/stats?from=&to=[&queue=][&limit=&cursor=]`: a page of agents (in id order) of the window. */
export class AgentStatsQuery extends PagedWindowQuery {
  @QueueFilter()
  queue?: string;
}
