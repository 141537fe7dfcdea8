import { checkAgainst } from './validate-input';
import { IsInstant, IsText, IsTrueOrFalse, OneOf } from './command-fields';

class Probe {
  @IsText(5) name!: string;
  @IsInstant() at!: string;
}

class Listed {
  @OneOf(['a', 'b']) kind!: string;
  @IsTrueOrFalse() flag!: boolean;
}

const refused = (raw: object) => {
  const checked = checkAgainst(Probe, { name: 'ok', at: '2026-10-07T10:00:00+08:00', ...raw });
  return checked.ok ? [] : [...new Set(checked.problems.map((p) => p.path))];
};

describe('shared command fields', () => {
  it('IsText: a string with something besides spaces, within its length', () => {
    expect(refused({})).toEqual([]);
    for (const name of ['', '   ', 'x'.repeat(6), 7, null, undefined]) expect(refused({ name })).toEqual(['name']);
  });

  it('IsInstant: an offset or Z on a real date within the platform years', () => {
    expect(refused({ at: '2026-10-07T02:00:00Z' })).toEqual([]);
    for (const at of ['2026-10-07T10:00:00', '9 Oct', '0000-01-01T10:00:00+08:00', '2026-02-30T10:00:00+08:00', '9999-12-31T23:59:59Z', 1_700_000_000_000]) {
      expect(refused({ at })).toEqual(['at']);
    }
  });

  it('OneOf and IsTrueOrFalse: a listed string; a real boolean', () => {
    expect(checkAgainst(Listed, { kind: 'b', flag: false }).ok).toBe(true);
    for (const bad of [{ kind: 'c', flag: true }, { kind: 'a', flag: 'true' }, { kind: 1, flag: true }]) expect(checkAgainst(Listed, bad).ok).toBe(false);
  });
});
