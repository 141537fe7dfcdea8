import type { DirectoryEntry } from './team-rule';

/**
 * The port each service implements over its own copy of attendance's agent directory (attendance over the
 * record itself): never a call to another service.
 */
export abstract class TeamDirectory {
  /** The records of these people; people the directory does not know are left out. */
  abstract entries(agentIds: readonly string[]): Promise<DirectoryEntry[]>;
  /** The person's own record and every record whose `supervisorId` is them. */
  abstract around(personId: string): Promise<DirectoryEntry[]>;
}
