import type { JsonSchema } from './json-schema';
import { CONTRACT_SCHEMAS } from './contract-schemas.generated';
import { SUBJECT_CATALOGUE, type SubjectEntry } from './subject-catalogue';
import { hasWildcard, addressMatches } from './subject-match';

export interface AsyncApiScope {
  title: string;
  description: string;
  /** Subjects (or patterns) the service publishes: `send` operations. */
  publishes: string[];
  /** Subjects (or patterns) the service consumes: `receive` operations. */
  consumes: string[];
}

type Ref = { $ref: string };

export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: { title: string; version: string; description: string };
  defaultContentType: string;
  servers: Record<string, { host: string; protocol: string; description: string }>;
  channels: Record<string, { address: string; title: string; messages: Record<string, Ref>; parameters?: Record<string, { description: string }> }>;
  operations: Record<string, { action: 'send' | 'receive'; channel: Ref; title: string; messages: Ref[] }>;
  components: {
    messages: Record<string, { name: string; title: string; contentType: string; payload: JsonSchema; headers: JsonSchema }>;
    schemas: Record<string, JsonSchema>;
  };
}

const MSG_ID_HEADER = { type: 'string', description: 'Nats-Msg-Id: the idempotency key (JetStream de-duplication, consumers’ inbox)' };

/** The channels a subject or pattern stands for: the catalogue entries it addresses, or itself when none does. */
function channelsFor(subject: string): Array<{ address: string; entry?: SubjectEntry }> {
  const entries = SUBJECT_CATALOGUE.filter((e) => addressMatches(subject, e.address));
  if (entries.length === 0) return [{ address: subject }];
  // A concrete subject keeps its own address (alerts.message.parked); a pattern takes the catalogue's.
  return entries.map((entry) => ({ address: hasWildcard(subject) ? entry.address : subject, entry }));
}

const idOf = (address: string) => address.replace(/[{}]/g, '').replace(/[^A-Za-z0-9_-]/g, '_');

function messageName(address: string, entry?: SubjectEntry): string {
  if (entry?.payload) return entry.payload;
  const base = entry?.address ?? address;
  return base.replace(/[{}]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean).map((t) => t[0].toUpperCase() + t.slice(1)).join('') + 'Message';
}

/** Schemas `root` refers to, transitively. */
function referencedSchemas(roots: JsonSchema[], all: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const found: Record<string, JsonSchema> = {};
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      const name = ref.slice('#/components/schemas/'.length);
      if (!found[name] && all[name]) {
        found[name] = all[name];
        visit(all[name]);
      }
    }
    for (const v of Object.values(node)) visit(v);
  };
  roots.forEach(visit);
  return Object.fromEntries(Object.keys(found).sort().map((k) => [k, found[k]]));
}

/** An AsyncAPI 3 document of what a service (or the whole product) publishes and consumes, payloads from libs/contracts. */
export function buildAsyncApiDocument(scope: AsyncApiScope, schemas: Record<string, JsonSchema> = CONTRACT_SCHEMAS): AsyncApiDocument {
  const doc: AsyncApiDocument = {
    asyncapi: '3.0.0',
    info: { title: scope.title, version: '1', description: scope.description },
    defaultContentType: 'application/json',
    servers: {
      nats: { host: 'localhost:4222', protocol: 'nats', description: 'NATS with JetStream (NATS_URL); one stream per producing service' },
    },
    channels: {},
    operations: {},
    components: { messages: {}, schemas: {} },
  };
  const add = (action: 'send' | 'receive', subject: string) => {
    for (const { address, entry } of channelsFor(subject)) {
      const channelId = idOf(address);
      const name = messageName(address, entry);
      doc.channels[channelId] ??= {
        address,
        title: entry?.summary ?? address,
        messages: { [name]: { $ref: `#/components/messages/${name}` } },
        ...(address.includes('{') && entry?.parameters
          ? { parameters: Object.fromEntries(Object.entries(entry.parameters).map(([k, description]) => [k, { description }])) }
          : {}),
      };
      doc.operations[`${action}_${channelId}`] = {
        action,
        channel: { $ref: `#/channels/${channelId}` },
        title: `${action === 'send' ? 'Publishes' : 'Consumes'} ${address}`,
        messages: [{ $ref: `#/channels/${channelId}/messages/${name}` }],
      };
      doc.components.messages[name] ??= {
        name,
        title: entry?.summary ?? address,
        contentType: 'application/json',
        payload: entry?.payload
          ? { $ref: `#/components/schemas/${entry.payload}` }
          : { description: entry?.payloadDescription ?? 'Not described by libs/contracts' },
        headers: {
          type: 'object',
          properties: {
            'Nats-Msg-Id': MSG_ID_HEADER,
            ...Object.fromEntries(Object.entries(entry?.headers ?? {}).map(([k, description]) => [k, { type: 'string', description }])),
          },
        },
      };
    }
  };
  [...new Set(scope.publishes)].forEach((s) => add('send', s));
  [...new Set(scope.consumes)].forEach((s) => add('receive', s));
  doc.components.schemas = referencedSchemas(Object.values(doc.components.messages).map((m) => m.payload), schemas);
  return doc;
}
