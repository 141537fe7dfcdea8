/** Something that must be true before the service takes traffic (database, NATS, consumers). */
export abstract class ReadinessCheck {
  abstract readonly name: string;
  abstract check(): Promise<boolean>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
