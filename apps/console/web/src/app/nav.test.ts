import { describe, expect, it } from 'vitest';
import { navFor } from './nav';

const paths = (role: Parameters<typeof navFor>[0]) => navFor(role).map((n) => n.path);

describe('who sees the telephony admin pages', () => {
  it('lists the calls set aside and the month partitions for the administrator only', () => {
    const adminOnly = ['/admin/derivation-failures', '/admin/partitions'];
    expect(paths('admin')).toEqual(expect.arrayContaining(adminOnly));
    for (const role of ['agent', 'qa', 'supervisor', 'hr', 'payroll'] as const) {
      expect([role, paths(role).filter((p) => adminOnly.includes(p))]).toEqual([role, []]);
    }
  });
});
