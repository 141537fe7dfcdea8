import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { nestedTooDeep } from '../bootstrap/json-value-budget';
import { DomainError, ValidationFailedError } from '../errors/domain-error';
import { REQUEST_ERRORS, type RequestErrorCode } from '../errors/request-errors';
import { sharedValidationCode, validationDetails } from './validation-details';

/**
 * Nesting a command or query class may be given. class-transformer and class-validator walk a value
 * recursively, so a service whose body limit admits deep documents for a hand-parsed route (telephony
 * ingest: 8,192) would otherwise overflow the stack on any class-validated route of the same service.
 */
export const DTO_MAX_DEPTH = 64;

/** How deep `value` nests arrays and objects, stopping once past `limit` (iterative: never the stack it guards). */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > limit) return deepest;
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, here]);
  }
  return deepest;
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.metatype && this.toValidate(metadata) && nestingDepth(value, DTO_MAX_DEPTH) > DTO_MAX_DEPTH) throw nestedTooDeep(DTO_MAX_DEPTH);
    return super.transform(value, metadata);
  }
}

/**
 * Strict input: wrong types and unknown fields are rejected with the path of each bad field, as
 * REQUEST.VALIDATION_FAILED — or as the platform's own code when every refusal carries the same one.
 */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = validationDetails(errors);
      const code = sharedValidationCode(errors);
      if (code && code in REQUEST_ERRORS) return new DomainError(code, 'The request is not valid / 请求无效', REQUEST_ERRORS[code as RequestErrorCode], details);
      return new ValidationFailedError(details);
    },
  });
}
