import { ValidationError } from 'class-validator';
import { sharedValidationCode, validationDetails } from './validation-details';

function err(property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('validationDetails', () => {
  it('flattens nested and array errors into paths', () => {
    const tree = [err('events', undefined, [err('3', undefined, [err('agentId', { isString: 'agentId must be a string' })])]), err('name', { isDefined: 'name is required' })];
    expect(validationDetails(tree)).toEqual([
      { path: 'events[3].agentId', message: 'agentId must be a string' },
      { path: 'name', message: 'name is required' },
    ]);
  });
});

describe('sharedValidationCode', () => {
  const coded = (property: string, name: string, code?: string) =>
    Object.assign(new ValidationError(), { property, constraints: { [name]: `${property} bad` }, contexts: code ? { [name]: { code } } : undefined, children: [] });

  it('is the code every refused constraint carries, else undefined', () => {
    expect(sharedValidationCode([coded('period', 'isPeriod', 'REQUEST.INVALID_PERIOD')])).toBe('REQUEST.INVALID_PERIOD');
    expect(sharedValidationCode([coded('period', 'isPeriod', 'REQUEST.INVALID_PERIOD'), coded('page', 'isBoundedInt', 'REQUEST.INVALID_INTEGER')])).toBeUndefined();
    expect(sharedValidationCode([coded('period', 'isPeriod', 'REQUEST.INVALID_PERIOD'), coded('name', 'isString')])).toBeUndefined();
  });
});
