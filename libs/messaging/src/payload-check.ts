import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { CONTRACT_SCHEMAS } from './asyncapi/contract-schemas.generated';
import type { JsonSchema } from './asyncapi/json-schema';
import { SUBJECT_CATALOGUE, type SubjectEntry } from './asyncapi/subject-catalogue';
import { addressMatches } from './asyncapi/subject-match';

export interface PayloadProblem {
  path: string;
  message: string;
}

/**
 * Checks an incoming payload against the schema of its subject's contract — the schema the AsyncAPI
 * document publishes, derived from the libs/contracts interfaces the producers compile against — so
 * one declaration types, documents and checks every event. Extra fields pass (producers may add
 * them; contracts.md); a missing or mistyped field is refused before any handler sees the payload.
 */
export class PayloadCheck {
  private readonly ajv: Ajv;
  /** Per concrete subject: its validator, or null when its payload is not a contract type. */
  private readonly bySubject = new Map<string, ValidateFunction | null>();
  private readonly byPayload = new Map<string, ValidateFunction>();

  constructor(
    private readonly schemas: Record<string, JsonSchema> = CONTRACT_SCHEMAS,
    private readonly catalogue: SubjectEntry[] = SUBJECT_CATALOGUE,
  ) {
    // The schemas use the vocabulary of json-schema.ts only; `strict: false` lets them keep their `description`s beside `$ref`.
    this.ajv = new Ajv({ allErrors: true, strict: false });
    this.ajv.addSchema({ $id: 'https://contracts.callcentre.local/events.json', definitions: rewriteRefs(schemas) });
  }

  /** The problems of `payload` for `subject`; [] when it conforms or the subject carries no contract type. */
  problems(subject: string, payload: unknown): PayloadProblem[] {
    const validate = this.validatorFor(subject);
    if (!validate || validate(payload)) return [];
    return (validate.errors ?? []).map(describe);
  }

  private validatorFor(subject: string): ValidateFunction | null {
    const known = this.bySubject.get(subject);
    if (known !== undefined) return known;
    const entry = this.catalogue.find((e) => addressMatches(subject, e.address));
    const payload = entry?.payload ?? null;
    let validate: ValidateFunction | null = null;
    if (payload && this.schemas[payload]) {
      validate = this.byPayload.get(payload) ?? this.ajv.compile({ $ref: `https://contracts.callcentre.local/events.json#/definitions/${payload}` });
      this.byPayload.set(payload, validate);
    }
    this.bySubject.set(subject, validate);
    return validate;
  }
}

/** The generated schemas refer to each other as AsyncAPI components; here they sit under `definitions`. */
function rewriteRefs(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const json = JSON.stringify(schemas).replaceAll('"#/components/schemas/', '"https://contracts.callcentre.local/events.json#/definitions/');
  return JSON.parse(json) as Record<string, JsonSchema>;
}

function describe(e: ErrorObject): PayloadProblem {
  const missing = e.keyword === 'required' ? `/${(e.params as { missingProperty: string }).missingProperty}` : '';
  const pointer = `${e.instancePath}${missing}`;
  const path = pointer
    .split('/')
    .filter(Boolean)
    .map((t, i) => (/^\d+$/.test(t) ? `[${t}]` : i === 0 ? t : `.${t}`))
    .join('');
  return { path: path || 'payload', message: e.keyword === 'required' ? 'required' : (e.message ?? e.keyword) };
}
