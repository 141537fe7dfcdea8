import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { checkAgainst, checkEach } from './validate-input';

class Row {
  @IsString() name!: string;
  @IsOptional() @IsInt() @Min(0) seats?: number;
}

describe('checkAgainst / checkEach', () => {
  it('gives a typed instance for a good value', () => {
    const r = checkAgainst(Row, { name: 'A', seats: 2 });
    expect(r.ok && r.value).toBeInstanceOf(Row);
    expect(r.ok && r.value.seats).toBe(2);
  });

  it('refuses unknown fields and wrong types with their paths under the prefix', () => {
    const r = checkAgainst(Row, { name: 3, extra: true }, 'rows[4]');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.path).sort()).toEqual(['rows[4].extra', 'rows[4].name']);
  });

  it('refuses a non-object and a value nested past the limit at the item path', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100; i++) deep = { name: 'x', seats: deep };
    expect(checkAgainst(Row, 'text', 'rows[0]')).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'rows[0]' })] });
    expect(checkAgainst(Row, deep, 'rows[1]')).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'rows[1]' })] });
  });

  it('keeps the good items of a batch and reports each bad one by index', () => {
    const r = checkEach(Row, [{ name: 'a' }, { name: '' , seats: -1 }, null, { name: 'd' }], 'rows');
    expect(r.accepted.map((a) => [a.index, a.value.name])).toEqual([[0, 'a'], [3, 'd']]);
    expect(r.refused).toEqual([1, 2]);
    expect(r.problems.map((p) => p.path)).toEqual(['rows[1].seats', 'rows[2]']);
  });
});
