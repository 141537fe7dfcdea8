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
