import * as ts from 'typescript';
import type { JsonSchema } from './json-schema';

/**
 * Derives JSON Schemas for the event payload interfaces of libs/contracts from their TypeScript
 * declarations (the compiler API, no new dependency), so the AsyncAPI document can never drift
 * from the types the services compile against. Build-time only: the services import the
 * generated file, never this one (`typescript` is a dev dependency).
 */
export function deriveContractSchemas(contractsIndex: string, roots: string[]): Record<string, JsonSchema> {
  const program = ts.createProgram([contractsIndex], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(contractsIndex);
  if (!source) throw new Error(`cannot read ${contractsIndex}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const exported = new Map((moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []).map((s) => [s.getName(), s]));

  const schemas: Record<string, JsonSchema> = {};
  const pending = [...roots];
  const namedInterface = (t: ts.Type): string | undefined => {
    const s = t.aliasSymbol ?? t.getSymbol();
    if (!s || !(s.flags & ts.SymbolFlags.Interface)) return undefined;
    return exported.has(s.getName()) ? s.getName() : undefined;
  };

  const toSchema = (type: ts.Type): JsonSchema => {
    const named = namedInterface(type);
    if (named) {
      if (!schemas[named] && !pending.includes(named)) pending.push(named);
      return { $ref: `#/components/schemas/${named}` };
    }
    if (type.flags & ts.TypeFlags.Unknown || type.flags & ts.TypeFlags.Any) return {};
    if (type.flags & ts.TypeFlags.Null) return { type: 'null' };
    if (type.flags & ts.TypeFlags.StringLiteral) return { const: (type as ts.StringLiteralType).value };
    if (type.flags & ts.TypeFlags.NumberLiteral) return { const: (type as ts.NumberLiteralType).value };
    if (type.flags & ts.TypeFlags.BooleanLiteral) return { const: checker.typeToString(type) === 'true' };
    if (type.flags & ts.TypeFlags.String) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.isUnion()) return unionSchema(type.types);
    if (checker.isArrayType(type)) return { type: 'array', items: toSchema(checker.getTypeArguments(type as ts.TypeReference)[0]) };
    if (type.flags & ts.TypeFlags.Object) return objectSchema(type);
    throw new Error(`no JSON Schema for the type ${checker.typeToString(type)}`);
  };

  /** `'a' | 'b' | null` → enum; `T | null` → T allowing null; `true | false` → boolean; an optional's `undefined` → dropped. */
  const unionSchema = (all: ts.Type[]): JsonSchema => {
    const members = all.filter((m) => !(m.flags & ts.TypeFlags.Undefined));
    if (members.length === 1) return toSchema(members[0]);
    const parts = members.map(toSchema);
    const nullable = parts.some((p) => p.type === 'null');
    const rest = parts.filter((p) => p.type !== 'null');
    const allConst = rest.every((p) => 'const' in p);
    if (allConst && rest.every((p) => typeof p.const === 'boolean') && rest.length === 2) {
      return { type: nullable ? ['boolean', 'null'] : 'boolean' };
    }
    if (allConst) return { enum: [...rest.map((p) => p.const as string | number | boolean), ...(nullable ? [null] : [])] };
    if (rest.length === 1 && typeof rest[0].type === 'string' && nullable) return { ...rest[0], type: [rest[0].type, 'null'] };
    return { anyOf: parts };
  };

  const objectSchema = (type: ts.Type): JsonSchema => {
    // No additionalProperties: false: producers may add optional fields (contracts.md: extend, never rename).
    const schema: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const prop of checker.getPropertiesOfType(type)) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (!decl) continue;
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
      const p = toSchema(checker.getTypeOfSymbolAtLocation(prop, decl));
      const doc = ts.displayPartsToString(prop.getDocumentationComment(checker)).trim();
      schema.properties![prop.getName()] = doc ? { ...p, description: doc } : p;
      if (!optional) schema.required!.push(prop.getName());
    }
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    if (index) schema.additionalProperties = toSchema(index.type);
    if (schema.required!.length === 0) delete schema.required;
    if (Object.keys(schema.properties!).length === 0) delete schema.properties;
    return schema;
  };

  while (pending.length > 0) {
    const name = pending.shift()!;
    if (schemas[name]) continue;
    const symbol = exported.get(name);
    if (!symbol) throw new Error(`libs/contracts exports no ${name}`);
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const type = checker.getDeclaredTypeOfSymbol(target);
    // Named interfaces inside become $refs and join the queue, so recursion ends.
    schemas[name] = objectSchema(type);
    const doc = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
    if (doc) schemas[name] = { ...schemas[name], description: doc };
  }
  return Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
}
