import { ValidationPipe } from '@nestjs/common';
import { DomainError, ValidationFailedError } from '../errors/domain-error';
import { REQUEST_ERRORS, type RequestErrorCode } from '../errors/request-errors';
import { sharedValidationCode, validationDetails } from './validation-details';

/**
 * Strict input: wrong types and unknown fields are rejected with the path of each bad field, as
 * REQUEST.VALIDATION_FAILED — or as the platform's own code when every refusal carries the same one.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
