import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Page, Response } from 'playwright-core';
import { scaled } from '../../../tests/support/time-scale';
import { waitFor } from '../../../tests/support/wait-for';
import { SCREENSHOTS, signIn, startConsoleHarness, type ConsoleHarness } from './console-harness';
import { wavDuration } from './wav-header';

// Set here, after the time-scale setup ran: a file's own jest.setTimeout is not stretched for it.
jest.setTimeout(scaled(240_000));

const HR = { sub: 'H01', role: 'hr' } as const;
const QA = { sub: 'Q01', role: 'qa' } as const;
const PBX = { sub: 'pbx', role: 'telephony' } as const;
const PEOPLE = [
  { agentId: 'S01', name: '张伟', team: 'T1', region: 'east', role: 'supervisor', hireDate: '2025-01-01', active: true },
  { agentId: 'Q01', name: '王芳', team: 'T1', region: 'east', role: 'qa', hireDate: '2025-01-01', active: true },
  { agentId: 'A1001', name: '李娜', team: 'T1', region: 'east', role: 'agent', hireDate: '2026-03-01', supervisorId: 'S01', level: 'regular', active: true },
];
const CALL = 'ui-rec-1';
const FILE = `${CALL}.wav`;
const OPENING = '您好,很高兴为您服务!';
const CLOSING = '谢谢您的来电,请您对我的服务进行评价!再见';
/** Silence between the two phrases, as a caller's pause would leave it. */
const GAP_S = 1.5;

/** Runs a generator; a missing tool fails the test with what to install rather than skipping it. */
function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${cmd} is not installed: this test makes its recording with espeak-ng and sox (apt-get install -y sox espeak-ng; .ci/run installs them)`);
  }
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * The call's recording, made now: espeak-ng speaks the rulebook's opening and closing (Mandarin when its voice is
 * there), sox joins them with a pause and writes what a PBX keeps (8 kHz mono 16-bit PCM). Returns where the
 * closing starts, in ms, by the phrases' own lengths.
 */
function makeRecording(dir: string): { path: string; closingStartMs: number } {
  const chinese = /\bcmn\b/.test(run('espeak-ng', ['--voices=cmn']));
  const say = (text: string, english: string, out: string) => run('espeak-ng', ['-v', chinese ? 'cmn' : 'en', '-s', '160', '-w', join(dir, out), chinese ? text : english]);
  say(OPENING, 'Hello, happy to help you.', 'opening.raw.wav');
  say(CLOSING, 'Thank you for calling. Goodbye.', 'closing.raw.wav');
  run('sox', ['-n', '-r', '22050', '-c', '1', '-b', '16', join(dir, 'gap.raw.wav'), 'trim', '0', String(GAP_S)]);
  const path = join(dir, FILE);
  run('sox', ['opening.raw.wav', 'gap.raw.wav', 'closing.raw.wav', '-r', '8000', '-c', '1', '-b', '16', '-e', 'signed-integer', FILE].map((f) => (f.endsWith('.wav') ? join(dir, f) : f)));
  const openingS = wavDuration(readFileSync(join(dir, 'opening.raw.wav')));
  for (const f of ['opening.raw.wav', 'gap.raw.wav', 'closing.raw.wav']) rmSync(join(dir, f));
  return { path, closingStartMs: Math.round((openingS + GAP_S) * 1000) };
}

/** The audio element's state, read in the page (a string: this file is type-checked without the DOM library). */
const audioState = (page: Page) =>
  page.evaluate(`(() => { const a = document.querySelector('[data-testid=recording]'); return { duration: a.duration, currentTime: a.currentTime, readyState: a.readyState, error: a.error && a.error.code }; })()`) as Promise<{
    duration: number;
    currentTime: number;
    readyState: number;
    error: number | null;
  }>;

/**
 * Issue 19 item 1, end to end: a real WAV made at test time in telephony-events' recordings directory, a call whose
 * `data.recording.uri` names it, and the QA scoring page in Chromium playing it through the console's authenticated
 * proxy — its length as the file says, a transcript line seeking to its start, the seek served as a byte range.
 */
describe('a call’s recording heard in the browser (espeak-ng/sox WAV, Chromium, the real services)', () => {
  let h: ConsoleHarness;
  let dir: string;
  let wav: { path: string; closingStartMs: number; seconds: number; bytes: number };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-recordings-'));
    const made = makeRecording(dir);
    wav = { ...made, seconds: wavDuration(readFileSync(made.path)), bytes: statSync(made.path).size };
    // The header's length and sox's own reading of the file agree, so the header is the yardstick below.
    expect(Number(run('soxi', ['-D', made.path]))).toBeCloseTo(wav.seconds, 2);

    h = await startConsoleHarness({ recordingsDir: dir });
    await h.call('attendance', 'POST', '/v1/agents', HR, PEOPLE);
    const at = DateTime.now().minus({ hours: 1 });
    const e = (n: number, type: string, extra: object = {}) => ({ eventId: `${CALL}-${n}`, callId: CALL, type, occurredAt: at.plus({ seconds: n }).toISO(), queue: 'sales', direction: 'inbound', agentId: 'A1001', ...extra });
    const ingested = await h.call<{ accepted: number; rejected: unknown[] }>('telephony-events', 'POST', '/v1/call-events', PBX, [
      e(0, 'call.answered', { data: { ringMs: 3000 } }),
      // A `file:` name relative to RECORDINGS_DIR: the directory setting alone says where the file is.
      e(Math.ceil(wav.seconds), 'call.ended', { data: { endedBy: 'caller', recording: { uri: `file:${FILE}`, durationMs: Math.round(wav.seconds * 1000), channels: 1, format: 'wav' } } }),
    ]);
    expect(ingested.body).toMatchObject({ accepted: 2, rejected: [] });
    // Playable by the QA inspector straight from the service once the call is derived and telephony knows the team.
    let answered = '';
    await waitFor(async () => {
      const res = await fetch(`${h.service('telephony-events')}/v1/calls/${CALL}/recording`, { headers: { authorization: `Bearer ${h.token(QA.sub, QA.role)}`, range: 'bytes=0-0' } });
      const body = Buffer.from(await res.arrayBuffer());
      answered = `${res.status} ${res.status === 206 ? '' : body.toString('utf8').slice(0, 300)}`;
      return res.status === 206;
    }, 'the recording playable by Q01 from telephony-events', 60_000, 250).catch((err: Error) => {
      throw new Error(`${err.message}; the service's last answer: ${answered}`);
    });
    await h.call('qa-evaluation', 'POST', '/v1/transcripts', PBX, {
      callId: CALL,
      segments: [
        { speaker: 'agent', startMs: 0, endMs: wav.closingStartMs - GAP_S * 1000, text: OPENING },
        { speaker: 'agent', startMs: wav.closingStartMs, endMs: Math.floor(wav.seconds * 1000), text: CLOSING },
      ],
    });
  });
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('plays the WAV at its own length through the proxy, and a transcript line seeks it with a 206 range answer', async () => {
    const page = await h.page('zh');
    page.setDefaultTimeout(scaled(30_000));
    const recordingUrl = `${h.url}/api/telephony-events/v1/calls/${CALL}/recording`;
    const answers: Array<{ status: number; range: string | null; contentRange: string | null }> = [];
    const seen: Array<Promise<void>> = [];
    page.on('response', (res: Response) => {
      if (res.url() !== recordingUrl) return;
      seen.push((async () => {
        answers.push({ status: res.status(), range: await res.request().headerValue('range'), contentRange: await res.headerValue('content-range') });
      })());
    });
    await signIn(page, h.url, /王芳/, '质检员');
    await page.goto(`${h.url}/qa/score?callId=${CALL}`);
    const transcript = page.getByTestId('transcript');
    await transcript.getByTestId('line-1').waitFor();
    await page.getByTestId('recording').waitFor({ state: 'attached' });

    // The browser read the file's header through the proxy: its length is the WAV's.
    await page.waitForFunction(`(() => { const a = document.querySelector('[data-testid=recording]'); return a && (a.error || (a.readyState >= 1 && Number.isFinite(a.duration))); })()`, undefined, { timeout: scaled(30_000) });
    const loaded = await audioState(page);
    expect(loaded.error).toBeNull();
    expect(Math.abs(loaded.duration - wav.seconds)).toBeLessThanOrEqual(0.1);
    expect(await page.getByTestId('recording-failed').count()).toBe(0);

    // Clicking the closing's line moves playback to its start (the 'seeked' event's position, before any playing on).
    await page.evaluate(`(() => { const a = document.querySelector('[data-testid=recording]'); window.__seeks = []; a.addEventListener('seeked', () => window.__seeks.push(a.currentTime)); })()`);
    await transcript.getByTestId('line-1').click();
    await page.waitForFunction('window.__seeks.length > 0', undefined, { timeout: scaled(30_000) });
    const [seekedAt] = (await page.evaluate('window.__seeks')) as number[];
    expect(Math.abs(seekedAt - wav.closingStartMs / 1000)).toBeLessThanOrEqual(0.1);
    expect((await audioState(page)).currentTime).toBeGreaterThanOrEqual(wav.closingStartMs / 1000 - 0.1);
    await transcript.locator('[data-testid=line-1][data-playing=true]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'qa-recording.png'), fullPage: true });

    // The audio came through the console's proxy as byte ranges: at least one 206 with the file's whole size.
    await waitFor(async () => answers.some((a) => a.status === 206), 'a 206 answer to the player’s range request', 30_000, 100);
    await Promise.all(seen);
    const partial = answers.filter((a) => a.status === 206);
    expect(partial.length).toBeGreaterThan(0);
    for (const a of partial) {
      expect(a.range).toMatch(/^bytes=\d+-\d*$/);
      expect(a.contentRange).toMatch(new RegExp(`^bytes \\d+-\\d+/${wav.bytes}$`));
    }
    await page.context().close();
  });
});
