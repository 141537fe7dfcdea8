import { ServiceAsyncApi, type ServiceDefinition } from '@app/platform';
import { ATTENDANCE_SERVICE } from '../../apps/attendance/src/attendance.service';
import { NOTIFICATION_SERVICE } from '../../apps/notification/src/notification.service';
import { QA_SERVICE } from '../../apps/qa-evaluation/src/qa-evaluation.service';
import { SCORING_SERVICE } from '../../apps/scoring/src/scoring.service';
import { TELEPHONY_SERVICE } from '../../apps/telephony-events/src/telephony-events.service';

/** What each service's /asyncapi.json says it sends (before its handlers are known: no consumed subjects yet). */
function sends(def: ServiceDefinition): string[] {
  const doc = new ServiceAsyncApi(def).document() as unknown as {
    channels: Record<string, { address: string }>;
    operations: Record<string, { action: string; channel: { $ref: string } }>;
  };
  return Object.values(doc.operations)
    .filter((o) => o.action === 'send')
    .map((o) => doc.channels[o.channel.$ref.split('/').pop()!].address)
    .sort();
}

describe('every service documents the subjects its outbox publishes', () => {
  it.each([
    ['telephony-events', TELEPHONY_SERVICE, ['telephony.call.summarized', 'alerts.call.ring-limit-exceeded', 'alerts.call.ring-no-answer', 'alerts.call.long-hold',
      'alerts.call.poor-quality', 'alerts.call.long-wait-abandoned', 'alerts.telephony.derivation-failed']],
    ['scoring', SCORING_SERVICE, ['scoring.score.finalized', 'scoring.score.revised', 'scoring.policy.activated', 'alerts.scoring.hr-interview',
      'alerts.scoring.dismissal-review', 'alerts.scoring.points-limit', 'alerts.scoring.complaints-demotion', 'alerts.scoring.rank-streak', 'alerts.scoring.promotion-priority']],
    ['notification', NOTIFICATION_SERVICE, ['notification.conduct.acknowledged']],
    ['attendance', ATTENDANCE_SERVICE, ['attendance.agent.upserted', 'attendance.day.closed', 'attendance.violation.recorded']],
    ['qa-evaluation', QA_SERVICE, ['qa.evaluation.finalized', 'qa.evaluation.revised', 'qa.appraisal.submitted', 'qa.conduct.recorded', 'qa.conduct.voided', 'qa.complaint.judged',
      'qa.auto-evaluation.completed', 'alerts.qa.forbidden-phrase', 'alerts.qa.complaint-risk']],
  ])('%s', (_name, def, expected) => {
    // The platform adds the parked-message alert for every service's outbox.
    expect(sends(def)).toEqual(expect.arrayContaining([...expected, 'alerts.message.parked']));
  });
});
