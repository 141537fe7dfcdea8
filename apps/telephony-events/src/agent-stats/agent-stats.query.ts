import { QueueFilter } from '../http/stats-window.query';
import { PagedWindowQuery } from '../http/time-window.query';

/** `GET /v1/agents/stats?from=&to=[&queue=][&limit=&cursor=]`: a page of agents (in id order) of the window. */
export class AgentStatsQuery extends PagedWindowQuery {
  @QueueFilter()
  queue?: string;
}
