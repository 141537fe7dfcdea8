import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { cursorKey, limitOf, mapPage, pageOf, type Page, type PageQuery } from '@app/platform';
import { kindPatternIsKnown } from '../domain/alerts/known-kinds';
import { ruleRequestProblems, toRuleInput, unknownMatchNames } from '../domain/routing/routing-rule-input';
import { NotificationErrors } from '../notification.errors';
import { AgentDirectory } from '../store/agent-directory';
import { AlertLog } from '../store/alert-log.store';
import { RoutingRuleStore, type StoredRoutingRule } from '../store/routing-rule.store';
import { WebhookStore } from '../store/webhook.store';
import type { RoutingRuleCommand } from './routing-rule.command';

/** Routing rules CRUD: a rule is stored only if it is well formed (its fields checked at the edge, RoutingRuleCommand), names what exists and could fire. */
@Injectable()
export class ManageRoutingRules {
  constructor(
    private readonly scope: TransactionScope,
    private readonly rules: RoutingRuleStore,
    private readonly webhooks: WebhookStore,
    private readonly directory: AgentDirectory,
    private readonly alerts: AlertLog,
  ) {}

  /** A page of the rules in the order routing reads them: the fallback rules last, then oldest first. */
  async list(q: PageQuery): Promise<Page<StoredRoutingRule>> {
    const limit = limitOf(q);
    const key = cursorKey(q, ['int', 'int', 'string']) as [number, number, string] | undefined;
    const rows = await this.rules.page(key && { fallback: key[0], createdUs: key[1], ruleId: key[2] }, limit + 1);
    return mapPage(pageOf(rows, limit, ({ key: k }) => [k.fallback, k.createdUs, k.ruleId]), (r) => r.rule);
  }

  async get(ruleId: string): Promise<StoredRoutingRule> {
    const rule = await this.rules.get(ruleId);
    if (!rule) throw NotificationErrors.ruleNotFound(ruleId);
    return rule;
  }

  /** Creates, or replaces the rule with the same id (from the path or the body). */
  async save(command: RoutingRuleCommand, pathRuleId?: string): Promise<{ rule: StoredRoutingRule; created: boolean }> {
    const problems = ruleRequestProblems(command);
    if (problems.length) throw NotificationErrors.invalidRequest(problems);
    const input = toRuleInput(command);
    const ruleId = pathRuleId ?? input.ruleId ?? randomUUID();
    const seen = await this.alerts.seenKinds();
    const nothing = unknownMatchNames(input.match, {
      kindIsKnown: (k) => kindPatternIsKnown(k, seen),
      teams: await this.directory.knownTeams(),
      agentIds: await this.directory.knownAgentIds(),
    });
    if (nothing.length) throw NotificationErrors.ruleMatchesNothing(nothing);
    const hooks = await this.webhooks.findMany(input.webhookIds);
    const missing = input.webhookIds.flatMap((id, i) => (hooks.has(id) ? [] : [{ path: `webhookIds[${i}]`, message: `no webhook ${id}` }]));
    if (missing.length) throw NotificationErrors.unknownWebhook(missing);
    return this.scope.run(async () => {
      const existed = (await this.rules.get(ruleId)) !== null;
      const rule = await this.rules.save({ ...input, ruleId });
      return { rule, created: !existed };
    });
  }

  async remove(ruleId: string): Promise<void> {
    if (!(await this.rules.remove(ruleId))) throw NotificationErrors.ruleNotFound(ruleId);
  }
}
