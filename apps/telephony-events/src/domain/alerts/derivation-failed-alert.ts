import type { AlertDraft } from './alert-rules';
import { ALERT_TITLES, bilingual } from './alert-texts';

/**
 * A call set aside after its derivation failed `attempts` times: its figures are missing from
 * scoring until someone looks, so an administrator is paged. Each time it is set aside counts as
 * a new situation (a retry that fails again pages again).
 */
export function derivationFailedAlert(callId: string, attempts: number, lastError: string, timesSetAside: number): AlertDraft {
  return {
    kind: 'telephony.derivation-failed',
    severity: 'critical',
    title: ALERT_TITLES['telephony.derivation-failed'],
    body: bilingual(
      `通话 ${callId} 的事实推导连续失败 ${attempts} 次,已搁置;其余通话照常处理。请检查后重试`,
      `Deriving the facts of call ${callId} failed ${attempts} times in a row; it is set aside and the other calls go on. Inspect it and retry`,
    ),
    facts: { callId, attempts, lastError, timesSetAside },
    dedupeKey: `${callId}:call:telephony.derivation-failed:${timesSetAside}`,
  };
}
