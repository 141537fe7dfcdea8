/**
 * A realistic Asterisk queue_log (`epoch|callid|queue|agent|EVENT|data…`, as in
 * apps/telephony-events/test/fixtures/asterisk-queue_log.golden.log): calls that ring out, connect,
 * complete, transfer or leave the queue in every way Asterisk writes, and agents pausing.
 */
import { seededRandom } from '../../../apps/telephony-events/src/domain/testing/call-event-builder';

const QUEUES = ['sales', 'support', 'billing', 'vip'];
const CHANNELS = ['SIP/', 'PJSIP/', 'Agent/', 'Local/'];
const AGENTS = Array.from({ length: 120 }, (_, i) => {
  const tech = CHANNELS[i % CHANNELS.length];
  return tech === 'Local/' ? `Local/${1001 + i}@from-queue/n` : `${tech}${1001 + i}`;
});
const PAUSE_REASONS = ['lunch', 'break', 'training', 'meeting', ''];


/** Exactly `lines` lines in time order, joined with '\n'. */
export function generateQueueLog(lines: number, seed = 7, start = 1_730_000_000): string {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: Array<{ at: number; text: string }> = [];
  const line = (at: number, callId: string, queue: string, agent: string, verb: string, ...data: Array<string | number>) =>
    out.push({ at, text: [at, callId, queue, agent, verb, ...data].join('|') });

  line(start, 'NONE', 'NONE', 'NONE', 'QUEUESTART', '');
  for (const agent of AGENTS) line(start + 1, 'NONE', pick(QUEUES), agent, 'ADDMEMBER', '');
  let t = start + 2;
  for (let seq = 1; out.length < lines + 2_000; seq++) {
    t += int(0, 2);
    const callId = `${t}.${seq}`;
    const queue = pick(QUEUES);
    const q = (at: number, agent: string, verb: string, ...data: Array<string | number>) => line(at, callId, queue, agent, verb, ...data);
    if (rnd() < 0.3) q(t, 'NONE', 'DID', `400800${int(1000, 9999)}`);
    q(t, 'NONE', 'ENTERQUEUE', '', `138${int(10_000_000, 99_999_999)}`, int(1, 5));
    let at = t;
    for (let k = rnd() < 0.7 ? 0 : rnd() < 0.75 ? 1 : 2; k > 0; k--) q((at += int(15, 20)), pick(AGENTS), 'RINGNOANSWER', int(15_000, 20_000));
    const outcome = rnd();
    if (outcome < 0.8) {
      const agent = pick(AGENTS);
      const ring = int(1, 12);
      const wait = (at += ring) - t;
      q(at, agent, 'CONNECT', wait, `${at - ring}.${seq + 500_000}`, ring);
      const talk = int(30, 900);
      const end = rnd();
      if (end < 0.88) q(at + talk, agent, rnd() < 0.6 ? 'COMPLETECALLER' : 'COMPLETEAGENT', wait, talk, 1);
      else if (end < 0.96) q(at + talk, agent, 'BLINDTRANSFER', int(2000, 2999), 'from-internal', wait, talk, 1);
      else q(at + talk, agent, 'ATTENDEDTRANSFER', 'BRIDGE', `b-${seq}`, wait, talk, 1);
    } else {
      const wait = (at += int(5, 180)) - t;
      if (rnd() < 0.5) q(at, pick(AGENTS), 'RINGCANCELED', int(1_000, 14_000));
      const leave = rnd();
      if (leave < 0.7) q(at, 'NONE', 'ABANDON', 1, 1, wait);
      else if (leave < 0.85) q(at, 'NONE', 'EXITWITHTIMEOUT', 1, 1, wait);
      else if (leave < 0.9) q(at, 'NONE', 'EXITEMPTY', 1, 1, wait);
      else if (leave < 0.95) q(at, 'NONE', 'EXITWITHKEY', int(0, 9), 1, 1, wait);
      else q(at, 'NONE', 'WITHDRAW', 1, 1, wait, 'callback-later');
    }
    if (rnd() < 0.1) {
      // An agent takes a pause and comes back (PAUSEALL/UNPAUSEALL now and then).
      const agent = pick(AGENTS);
      const all = rnd() < 0.2;
      const reason = pick(PAUSE_REASONS);
      line(t, 'NONE', all ? 'NONE' : pick(QUEUES), agent, all ? 'PAUSEALL' : 'PAUSE', reason);
      line(t + int(60, 1_800), 'NONE', all ? 'NONE' : pick(QUEUES), agent, all ? 'UNPAUSEALL' : 'UNPAUSE', reason);
    }
    if (rnd() < 0.002) line(t, 'NONE', 'NONE', 'NONE', 'CONFIGRELOAD', '');
  }
  out.sort((a, b) => a.at - b.at);
  return out.slice(0, lines).map((l) => l.text).join('\n');
}
