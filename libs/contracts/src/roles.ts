/** contracts.md roles, plus `clock` (a badge or login system posting clock events). Extend, never rename. */
export const ROLES = ['telephony', 'qa', 'supervisor', 'agent', 'hr', 'payroll', 'admin', 'clock'] as const;
export type Role = (typeof ROLES)[number];
