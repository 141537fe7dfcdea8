import type { ValidationError } from 'class-validator';
import type { ErrorDetail } from '@app/contracts';

/** class-validator's error tree → flat details with paths like `events[3].agentId`. */
export function validationDetails(errors: ValidationError[], parentPath = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const path = joinPath(parentPath, e.property);
    for (const message of Object.values(e.constraints ?? {})) out.push({ path, message });
    if (e.children?.length) out.push(...validationDetails(e.children, path));
  }
  return out;
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/**
 * The one stable code every refused constraint carries in its `context` (the platform's parameter
 * decorators: `@IsPeriod()` → REQUEST.INVALID_PERIOD), or undefined when they carry none or differ.
 */
export function sharedValidationCode(errors: ValidationError[]): string | undefined {
  const codes = new Set<unknown>();
  const visit = (list: ValidationError[]) => {
    for (const e of list) {
      for (const name of Object.keys(e.constraints ?? {})) codes.add((e.contexts?.[name] as { code?: unknown } | undefined)?.code);
      if (e.children?.length) visit(e.children);
    }
  };
  visit(errors);
  const [only] = [...codes];
  return codes.size === 1 && typeof only === 'string' ? only : undefined;
}
