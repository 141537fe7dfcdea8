import { plainToInstance, Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { strictValidationPipe } from './validation.pipe';
import { IsBoundedInt, IsCalendarDate, IsPeriod, ParseBoundedIntPipe, ParseCalendarDatePipe, ParsePeriodPipe } from './parameter-pipes';

class Page {
  @IsPeriod() period: string;
  @IsOptional() @IsCalendarDate() day?: string;
  @IsOptional() @Type(() => Number) @IsBoundedInt({ min: 1, max: 1000 }) page?: number;
}

describe('parameter pipes', () => {
  it('name the parameter they refuse', () => {
    expect(() => new ParsePeriodPipe().transform('0000-01', { type: 'param', data: 'period' })).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID_PERIOD', details: [expect.objectContaining({ path: 'period' })] }));
    expect(() => new ParseCalendarDatePipe().transform('2026-02-30', { type: 'param', data: 'date' })).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID_DATE' }));
    const version = new ParseBoundedIntPipe({ min: 1 });
    expect(version.transform('3', { type: 'param', data: 'version' })).toBe(3);
    expect(() => version.transform(1e20, { type: 'param', data: 'version' })).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID_INTEGER', details: [expect.objectContaining({ path: 'version' })] }));
    expect(new ParseBoundedIntPipe({ optional: true }).transform(undefined, { type: 'query', data: 'page' })).toBeUndefined();
  });

  it('DTO decorators answer with the platform code when it is the only refusal, VALIDATION_FAILED otherwise', async () => {
    const pipe = strictValidationPipe();
    const run = (query: Record<string, string>) => pipe.transform(query, { type: 'query', metatype: Page }).then(() => null, (e: { code: string; details: Array<{ path: string }> }) => [e.code, e.details.map((d) => d.path)]);
    expect(await run({ period: '2026-10', page: '3' })).toBeNull();
    expect(await run({ period: '9999-12' })).toEqual(['REQUEST.INVALID_PERIOD', ['period']]);
    expect(await run({ period: '2026-10', page: '1e20' })).toEqual(['REQUEST.INVALID_INTEGER', ['page']]);
    expect(await run({ period: '2026-10', day: '2026-02-30' })).toEqual(['REQUEST.INVALID_DATE', ['day']]);
    expect(await run({ period: '0000-01', page: '0' })).toEqual(['REQUEST.VALIDATION_FAILED', ['period', 'page']]);
    expect(plainToInstance(Page, { period: '2026-10', page: '2' }).page).toBe(2);
  });
});
