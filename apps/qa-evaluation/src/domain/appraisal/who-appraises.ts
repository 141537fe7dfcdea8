/**
 * Who files whose monthly appraisal (rules.md §6, issue 16): a supervisor appraises the agents and shift leads of
 * the floor; the department head (`manager`) appraises the people who issue records and lead teams — supervisors
 * and QA inspectors — on the same form. A person the directory does not know yet counts as an agent (attendance
 * sends agents before anyone is appraised; supervisors and QA are registered there like everyone else).
 */
const APPRAISES: Readonly<Record<string, readonly string[]>> = {
  supervisor: ['agent', 'shift-lead'],
  manager: ['supervisor', 'qa'],
};

export const DEFAULT_PERSON_ROLE = 'agent';

/** Whether a caller holding `callerRoles` may file the appraisal of a person whose role is `personRole`. */
export function mayAppraise(callerRoles: readonly string[], personRole: string | null | undefined): boolean {
  const role = personRole ?? DEFAULT_PERSON_ROLE;
  return callerRoles.some((r) => APPRAISES[r]?.includes(role) ?? false);
}

/** The roles whose appraisals `callerRoles` may file, for the refusal's message. */
export function appraisableRoles(callerRoles: readonly string[]): string[] {
  return [...new Set(callerRoles.flatMap((r) => APPRAISES[r] ?? []))];
}
