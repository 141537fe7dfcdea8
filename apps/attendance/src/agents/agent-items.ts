import { attendanceError } from '../attendance.errors';
import { itemsFromBody } from '../http/request-items';
import { agentsFromCsv } from './agents-csv';
import type { AgentItems } from './upsert-agents';

/** POST /v1/agents' body as a batch: one object, a JSON array, NDJSON, or text/csv with the same columns (rows checked like items). */
export function agentItemsOf(body: unknown, type: string): AgentItems {
  if (/csv/i.test(type)) {
    if (typeof body !== 'string') throw attendanceError('ATTENDANCE.CSV_UNREADABLE', 'The CSV body is empty / CSV 为空', [{ path: 'body', message: 'empty' }]);
    try {
      return agentsFromCsv(body);
    } catch (err) {
      throw attendanceError('ATTENDANCE.CSV_UNREADABLE', `The CSV cannot be read / 无法读取 CSV: ${(err as Error).message}`, [{ path: 'body', message: (err as Error).message }]);
    }
  }
  const r = itemsFromBody(body, 'agents', true);
  return { items: r.items, collection: r.single ? null : 'agents', preRejected: r.unreadable };
}
