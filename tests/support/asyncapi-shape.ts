/**
 * Checks an AsyncAPI 3 document's shape without a parser dependency: the required fields, every
 * `$ref` resolving, operations pointing at their channel's own messages, one parameter per `{name}`
 * in an address, and payload schemas whose `required` names exist. Returns the problems found.
 */
export function asyncApiShapeProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const d = doc as {
    asyncapi?: unknown;
    info?: { title?: unknown; version?: unknown };
    channels?: Record<string, { address?: unknown; messages?: Record<string, { $ref?: unknown }>; parameters?: Record<string, unknown> }>;
    operations?: Record<string, { action?: unknown; channel?: { $ref?: unknown }; messages?: Array<{ $ref?: unknown }> }>;
    components?: { messages?: Record<string, { payload?: unknown }>; schemas?: Record<string, { type?: unknown; properties?: Record<string, unknown>; required?: string[] }> };
  };
  if (d.asyncapi !== '3.0.0') problems.push(`asyncapi is ${String(d.asyncapi)}, not 3.0.0`);
  if (typeof d.info?.title !== 'string' || typeof d.info?.version !== 'string') problems.push('info.title and info.version must be strings');
  const resolve = (ref: unknown): unknown => {
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
    return ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), doc);
  };
  const walk = (node: unknown, path: string): void => {
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (ref !== undefined && resolve(ref) === undefined) problems.push(`${path}: $ref ${String(ref)} does not resolve`);
    for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
  };
  walk(doc, '#');
  for (const [id, ch] of Object.entries(d.channels ?? {})) {
    if (!/^[A-Za-z0-9_\-.]+$/.test(id)) problems.push(`channel id ${id} has characters AsyncAPI keys may not`);
    if (typeof ch.address !== 'string') {
      problems.push(`channel ${id} has no address`);
      continue;
    }
    const params = [...ch.address.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
    const declared = Object.keys(ch.parameters ?? {}).sort();
    if (JSON.stringify(params) !== JSON.stringify(declared)) problems.push(`channel ${id}: address parameters ${params} but declared ${declared}`);
    if (!ch.messages || Object.keys(ch.messages).length === 0) problems.push(`channel ${id} has no messages`);
  }
  for (const [id, op] of Object.entries(d.operations ?? {})) {
    if (op.action !== 'send' && op.action !== 'receive') problems.push(`operation ${id}: action ${String(op.action)}`);
    const channelRef = op.channel?.$ref;
    if (typeof channelRef !== 'string' || !channelRef.startsWith('#/channels/')) problems.push(`operation ${id}: channel is not a #/channels/ $ref`);
    for (const m of op.messages ?? []) {
      if (typeof m.$ref !== 'string' || !m.$ref.startsWith(`${String(channelRef)}/messages/`)) {
        problems.push(`operation ${id}: message ${String(m.$ref)} is not one of its channel's messages`);
      }
    }
  }
  for (const [name, m] of Object.entries(d.components?.messages ?? {})) {
    if (!m.payload || typeof m.payload !== 'object') problems.push(`message ${name} has no payload schema`);
  }
  for (const [name, s] of Object.entries(d.components?.schemas ?? {})) {
    if (s.type !== 'object') problems.push(`schema ${name} is not an object`);
    for (const r of s.required ?? []) if (!s.properties || !(r in s.properties)) problems.push(`schema ${name} requires ${r} but does not define it`);
  }
  return problems;
}
