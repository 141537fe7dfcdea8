export type Values = Record<string, unknown>;

export interface FieldSpec {
  name: string;
  type?: 'text' | 'textarea' | 'number' | 'date' | 'month' | 'datetime' | 'bool' | 'agent' | 'select' | 'json' | 'list';
}

/**
 * Form values as the services take them: datetime-local to an ISO instant, JSON text to its value,
 * comma lists to arrays; empty optional values left out. Throws on JSON that does not parse.
 */
export function normalise(fields: FieldSpec[], raw: Values): Values {
  const out: Values = {};
  for (const f of fields) {
    const v = raw[f.name];
    if (v === undefined || v === null || v === '') continue;
    if (f.type === 'datetime') out[f.name] = new Date(String(v)).toISOString();
    else if (f.type === 'json') out[f.name] = JSON.parse(String(v));
    else if (f.type === 'list') out[f.name] = String(v).split(',').map((s) => s.trim()).filter(Boolean);
    else out[f.name] = v;
  }
  return out;
}
