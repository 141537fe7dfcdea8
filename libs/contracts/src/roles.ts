/**
 * contracts.md roles, plus `clock` (a badge or login system posting clock events) and `manager` (the department
 * head 客服经理: files supervisors' monthly appraisals, reads every team). Extend, never rename.
 */
export const ROLES = ['telephony', 'qa', 'supervisor', 'agent', 'hr', 'payroll', 'admin', 'clock', 'manager'] as const;
export type Role = (typeof ROLES)[number];
