import type { AlertEvent } from '@app/contracts';
import type { NamedRecipient, PersonChannel, RecipientRole } from './routing-rule';

type Language = 'zh-CN' | 'en';

/** What the directory knows of a person, as far as reaching them goes (the agent copy fits it). */
export interface KnownPerson {
  agentId: string;
  team: string;
  supervisorId: string | null;
  email: string | null;
  language: Language;
}

/** The people part of a route: role relations and named recipients, with their channels. */
export interface PeopleRoute {
  roles: Array<{ role: RecipientRole; channels: PersonChannel[] }>;
  recipients: Array<{ recipient: NamedRecipient; channels: PersonChannel[] }>;
}

/** What the caller read from the directory for this alert; anything missing is treated as unknown. */
export interface Directory {
  agent?: KnownPerson;
  /** The record of the agent's own supervisor, when the agent names one. */
  supervisor?: KnownPerson;
  /** The supervisors of the team `teamSupervisorsNeeded` named; only their e-mail is used. */
  teamSupervisors?: KnownPerson[];
  /** Named recipients' records, by user id. */
  named?: ReadonlyMap<string, KnownPerson>;
}

export type InboxAudience = 'user' | 'role' | 'team';

export type AlertRecipient =
  | { channel: 'inbox'; audienceKind: InboxAudience; audienceId: string }
  | { channel: 'email'; personId: string; address: string | null; language: Language };

/** One e-mail per address; a person without one is still one (skipped) recipient, so the gap is logged once. */
export function emailTarget(personId: string, address: string | null): string {
  return address ?? `no-address:${personId}`;
}

/** The alert's team, else the team of the agent it is about. */
export function alertTeam(alert: AlertEvent, agent: KnownPerson | undefined): string | undefined {
  return alert.team ?? agent?.team;
}

/** Supervisor roles fall back to the team when the agent names no supervisor. */
function fallsToTeam(role: RecipientRole, agent: KnownPerson | undefined): boolean {
  return role === 'team-supervisors' || (role === 'supervisor' && !agent?.supervisorId);
}

/**
 * The team whose supervisors must be read from the directory, or undefined: only their e-mail
 * needs them (their inbox is the team's), so the read is skipped when no such role asks for e-mail.
 */
export function teamSupervisorsNeeded(alert: AlertEvent, route: PeopleRoute, agent: KnownPerson | undefined): string | undefined {
  const team = alertTeam(alert, agent);
  if (!team) return undefined;
  return route.roles.some(({ role, channels }) => channels.includes('email') && fallsToTeam(role, agent)) ? team : undefined;
}

/**
 * Whom an alert reaches, in route order, each inbox and address once (the first mention wins):
 * - `agent`: the agent it is about;
 * - `supervisor`: the agent's own supervisor, else as `team-supervisors`;
 * - `team-supervisors`: the team's shared inbox and each team supervisor's e-mail; with no team,
 *   the supervisors' role inbox (no one to e-mail);
 * - `hr`, `admin`, `tech`: roles, not records, so only their shared role inbox;
 * - named recipients: their own inbox when they have a user id, e-mail from the rule or their record.
 */
export function alertRecipients(alert: AlertEvent, route: PeopleRoute, directory: Directory): AlertRecipient[] {
  const out = new Recipients();
  const { agent, supervisor } = directory;
  const team = alertTeam(alert, agent);
  for (const { role, channels } of route.roles) {
    const inbox = channels.includes('inbox');
    const email = channels.includes('email');
    const person = (id: string, record: KnownPerson | undefined) => {
      if (inbox) out.inbox('user', id);
      if (email) out.email(id, record?.email ?? null, record?.language ?? 'zh-CN');
    };
    if (role === 'agent') {
      if (alert.agentId) person(alert.agentId, agent);
    } else if (role === 'supervisor' && agent?.supervisorId) {
      person(agent.supervisorId, supervisor);
    } else if (fallsToTeam(role, agent)) {
      if (!team) {
        if (inbox) out.inbox('role', 'supervisor');
        continue;
      }
      if (inbox) out.inbox('team', team);
      if (email) for (const s of directory.teamSupervisors ?? []) out.email(s.agentId, s.email, s.language);
    } else if (inbox) {
      out.inbox('role', role);
    }
  }
  for (const { recipient, channels } of route.recipients) {
    const record = recipient.userId ? directory.named?.get(recipient.userId) : undefined;
    if (recipient.userId && channels.includes('inbox')) out.inbox('user', recipient.userId);
    if (channels.includes('email')) {
      const address = recipient.email ?? record?.email ?? null;
      out.email(recipient.userId ?? address ?? '?', address, recipient.language ?? record?.language ?? 'zh-CN');
    }
  }
  return out.list;
}

/** The list as it is built, without repeats. */
class Recipients {
  readonly list: AlertRecipient[] = [];
  private readonly seen = new Set<string>();

  inbox(audienceKind: InboxAudience, audienceId: string): void {
    if (this.once(`inbox|${audienceKind}:${audienceId}`)) this.list.push({ channel: 'inbox', audienceKind, audienceId });
  }

  email(personId: string, address: string | null, language: Language): void {
    if (this.once(`email|${emailTarget(personId, address)}`)) this.list.push({ channel: 'email', personId, address, language });
  }

  private once(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}
