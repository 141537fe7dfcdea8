import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { agreement } from '../domain/speech/agreement';
import { isCalendarDate } from '@app/contracts';
import type { AgreementReport } from '@app/contracts/qa/agreement';
import { problem, type Problem } from '../domain/validation/problems';
import { rejected } from '../qa-evaluation.errors';
import { AutoEvaluationStore } from '../store/auto-evaluation.store';
import { QaPolicyStore } from '../store/qa-policy.store';

export type { AgreementReport };

const MAX_WINDOW_DAYS = 366;


/**
 * Calibration of the machine against people: for each item it answers, how often the evaluators of the same
 * calls gave the same answer, and Cohen's kappa, with the disagreeing calls. Calls are taken by their start
 * in [from, to): each an ISO instant with offset, or a date yyyy-mm-dd (its start, in the policy's zone).
 */
@Injectable()
export class AutoEvaluationAgreement {
  constructor(
    private readonly evaluations: AutoEvaluationStore,
    private readonly policy: QaPolicyStore,
  ) {}

  async execute(fromRaw: string | undefined, toRaw: string | undefined): Promise<AgreementReport> {
    const zone = (await this.policy.current()).timeZone;
    const problems: Problem<'QA.REQUEST_INVALID'>[] = [];
    const from = instant(fromRaw, 'from', zone, problems);
    const to = instant(toRaw, 'to', zone, problems);
    if (from && to && !(from < to && to.getTime() - from.getTime() <= MAX_WINDOW_DAYS * 86_400_000)) {
      problems.push(problem('QA.REQUEST_INVALID', 'to', `to must be after from, at most ${MAX_WINDOW_DAYS} days / to 须晚于 from, 最多 ${MAX_WINDOW_DAYS} 天`));
    }
    if (problems.length) throw rejected(problems);
    const { pairs, calls } = await this.evaluations.answerPairs(from!, to!);
    return { from: from!.toISOString(), to: to!.toISOString(), calls, items: agreement(pairs) };
  }
}

function instant(raw: string | undefined, path: string, zone: string, problems: Problem<'QA.REQUEST_INVALID'>[]): Date | undefined {
  if (isCalendarDate(raw)) return DateTime.fromISO(raw, { zone }).toJSDate();
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(raw) && !Number.isNaN(Date.parse(raw))) return new Date(raw);
  problems.push(problem('QA.REQUEST_INVALID', path, `${path} is required: yyyy-mm-dd or an ISO-8601 instant with offset / ${path} 须为日期或带时区的时间`));
  return undefined;
}
