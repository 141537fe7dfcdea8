import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { nestedTooDeep } from '../bootstrap/json-value-budget';
import { DomainError, ValidationFailedError } from '../errors/domain-error';
import { REQUEST_ERRORS, type RequestErrorCode } from '../errors/request-errors';
import { sharedValidationCode, validationDetails } from './validation-details';
import { DTO_MAX_DEPTH, nestingDepth } from './validation-depth';

export { DTO_MAX_DEPTH, nestingDepth } from './validation-depth';

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
