import type { SchemaObject } from '@nestjs/swagger';

const str = (description: string): SchemaObject => ({ type: 'string', description });

/** Context fields the scoring lists carry beside their page. */
export const CONTEXT = {
  period: str('The month, yyyy-mm / 月份'),
  agentId: str('The agent / 坐席'),
  kpi: str('The call KPI / 话务指标'),
  total: { type: 'integer', description: 'How many in all (every page) / 总数' } satisfies SchemaObject,
};
