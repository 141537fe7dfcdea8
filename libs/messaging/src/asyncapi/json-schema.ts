/** The part of JSON Schema (draft 2020-12, as AsyncAPI 3 takes it) the contract payloads need. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: Array<string | number | boolean | null>;
  const?: string | number | boolean | null;
  anyOf?: JsonSchema[];
}
