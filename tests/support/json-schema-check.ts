/**
 * Validates a value against the JSON Schema subset the contract schemas use ($ref into a
 * document's components.schemas, type with null, properties/required, additionalProperties,
 * items, enum, const, anyOf). Returns the paths that do not fit; for tests only.
 */
type Schema = Record<string, unknown>;

export function schemaProblems(value: unknown, schema: Schema, root: { components?: { schemas?: Record<string, Schema> } }, path = '$'): string[] {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const target = root.components?.schemas?.[ref.replace('#/components/schemas/', '')];
    return target ? schemaProblems(value, target, root, path) : [`${path}: unresolved ${ref}`];
  }
  if (Array.isArray(schema.anyOf)) {
    return (schema.anyOf as Schema[]).some((s) => schemaProblems(value, s, root, path).length === 0) ? [] : [`${path}: fits none of anyOf`];
  }
  if ('const' in schema && value !== schema.const) return [`${path}: is ${JSON.stringify(value)}, not ${JSON.stringify(schema.const)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value as never)) return [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  const types = schema.type === undefined ? undefined : ([] as unknown[]).concat(schema.type);
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (types && !types.includes(actual) && !(actual === 'number' && types.includes('integer'))) return [`${path}: is ${actual}, not ${types.join('|')}`];
  const out: string[] = [];
  if (actual === 'array' && schema.items) (value as unknown[]).forEach((v, i) => out.push(...schemaProblems(v, schema.items as Schema, root, `${path}[${i}]`)));
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) out.push(`${path}.${r}: required`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) out.push(...schemaProblems(v, props[k], root, `${path}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${path}.${k}: not allowed`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        out.push(...schemaProblems(v, schema.additionalProperties as Schema, root, `${path}.${k}`));
      }
    }
  }
  return out;
}
