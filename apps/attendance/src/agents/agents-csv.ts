import { parse } from 'csv-parse/sync';
import { unstorableItem } from '@app/platform';
import type { RejectedItem } from '../domain/input/item-errors';
import { ITEM_SHAPE_CODE } from '../http/request-items';
import type { AgentItems } from './upsert-agents';

/**
 * A CSV of agents with a header row of the JSON field names → items with their line numbers;
 * blank cells are left out so defaults apply (a blank or missing `level` column: a new agent is a
 * trainee, an existing one keeps their level; `levelEffectiveFrom` as in JSON). A line csv-parse
 * cannot read is reported, not fatal. Rows are then checked against the same command class as JSON.
 */
export function agentsFromCsv(text: string): AgentItems {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true, info: true }) as Array<{
    record: Record<string, string>;
    info: { lines: number; invalid_field_length: number };
  }>;
  const items: unknown[] = [];
  const lines: number[] = [];
  const preRejected: RejectedItem[] = [];
  for (const { record, info } of records) {
    const index = items.length;
    lines.push(info.lines);
    items.push(Object.fromEntries(Object.entries(record).filter(([, v]) => v !== '').map(([k, v]) => [k, k === 'active' ? cellFlag(v) : v])));
    if (info.invalid_field_length > 0) {
      preRejected.push({ index, row: info.lines, code: ITEM_SHAPE_CODE, errors: [{ path: `rows[${index}]`, message: 'the row has more or fewer cells than the header' }] });
      continue;
    }
    // The platform lets CSV rows through as sent (a batch's items): a row holding NUL or a lone surrogate is refused alone.
    const bad = unstorableItem(items[index], `rows[${index}]`);
    if (bad) preRejected.push({ index, row: info.lines, ...bad });
  }
  return { items, lines, collection: 'rows', preRejected };
}

/** A cell is text: `active` written true/false (any case) is the JSON boolean; anything else is left for the check to refuse. */
function cellFlag(v: string): string | boolean {
  const lower = v.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : v;
}
