export const ROLES = ['telephony', 'qa', 'supervisor', 'agent', 'hr', 'payroll', 'admin'] as const;
export type Role = (typeof ROLES)[number];
