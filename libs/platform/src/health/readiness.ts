/** Something that must be true before the service takes traffic (database, NATS, consumers). */
export abstract class ReadinessCheck {
  abstract readonly name: string;
  abstract check(): Promise<boolean>;
  /** Facts shown beside the checks that do not decide readiness (e.g. the outbox backlog). */
  details?(): Promise<Record<string, unknown>>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
