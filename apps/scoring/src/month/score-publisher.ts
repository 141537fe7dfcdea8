import { Injectable } from '@nestjs/common';
import { alertSubject, SUBJECTS, type AlertEvent, type ScoreEvent } from '@app/contracts';
import { OutboxWriter, type OutboxMessage } from '@app/messaging';
import { figuresDifference, scoreFigures } from '../domain/scoring/score-figures';
import type { Scorecard } from '../domain/scoring/scorecard';
import { ScorecardStore, type NewRevision, type StoredScorecard } from '../store/scorecard.store';

/**
 * Stores a month's scorecards as new revisions and puts payroll's events and the alerts in the
 * outbox, in the caller's transaction: revision 1 is `finalized`, a later one `revised` and only
 * when the figures changed. Message ids are the event ids, so re-adding is a no-op.
 */
@Injectable()
export class ScorePublisher {
  constructor(
    private readonly scorecards: ScorecardStore,
    private readonly outbox: OutboxWriter,
  ) {}

  async publish(cards: Scorecard[], previous: Map<string, StoredScorecard>, at: Date): Promise<number> {
    const revisions: NewRevision[] = [];
    const messages: OutboxMessage[] = [];
    for (const card of cards) {
      const figures = scoreFigures(card);
      const prev = previous.get(card.agentId);
      const difference = prev ? figuresDifference(prev.figures, figures) : undefined;
      if (difference && Object.keys(difference).length === 0) continue;
      const revision = (prev?.revision ?? 0) + 1;
      revisions.push({ revision, figures, card });
      const event: ScoreEvent = {
        eventId: `score-${card.period}-${card.agentId}-r${revision}`,
        schemaVersion: 1,
        period: card.period,
        agentId: card.agentId,
        revision,
        previousRevision: prev?.revision ?? null,
        policyVersion: card.policyVersion,
        ...figures,
        ...(difference ? { difference } : {}),
        finalizedAt: at.toISOString(),
      };
      messages.push({ subject: prev ? SUBJECTS.scoring.scoreRevised : SUBJECTS.scoring.scoreFinalized, payload: event, messageId: event.eventId });
      for (const a of card.alerts) {
        const alert: AlertEvent = {
          alertId: `scoring:${card.period}:${card.agentId}:${a.kind}`,
          kind: a.kind,
          severity: a.severity,
          agentId: card.agentId,
          team: card.team,
          title: a.title,
          body: a.body,
          occurredAt: at.toISOString(),
          facts: a.facts,
        };
        messages.push({ subject: alertSubject(a.kind), payload: alert, messageId: alert.alertId });
      }
    }
    await this.scorecards.insert(revisions);
    for (let i = 0; i < messages.length; i += 200) await this.outbox.add(...messages.slice(i, i + 200));
    return revisions.length;
  }
}
