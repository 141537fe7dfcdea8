import { ValidationError } from 'class-validator';
import { validationDetails } from './validation-details';

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
