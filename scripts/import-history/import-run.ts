import { newCheckpoint, planImport, withMonths, type Checkpoint } from './checkpoint';
import { fileIdentity, IDENTITY_HEAD_BYTES, lineStartsAt, readCheckpoint, writeCheckpoint } from './checkpoint-file';
import type { ImportOptions } from './import-options';
import { openSource, type ImportSource } from './import-source';
import { MonthOfInstant } from './month-of-instant';
import { postWithRetries, type FinalOutcome } from './post-with-retries';
import { prepareChunk, type PreparedChunk } from './prepared-chunk';
import { ProgressReporter, summaryLines } from './progress';
import { post } from './telephony-client';
import { tokenSource } from './token-source';

/** 0 done (or already done), 1 failed (the checkpoint stays where the service last acknowledged), 2 usage. */
export type ExitCode = 0 | 1 | 2;

export interface ImportIo {
  err: { write(text: string): unknown };
  tty: boolean;
  env: NodeJS.ProcessEnv;
}

async function* prepared(source: ImportSource, cp: Checkpoint, o: ImportOptions): AsyncGenerator<PreparedChunk> {
  const select = { fromMs: o.from?.epochMs, months: new MonthOfInstant(o.timeZone) };
  // for await takes the JSON array's plain generator as well as a file stream.
  for await (const chunk of source.chunks({ offset: cp.offset, line: cp.line })) yield prepareChunk(chunk, select, (line) => source.read(line));
}

/** Where the plan says to start, or the exit code after saying why there is nothing to send. */
async function startingPoint(o: ImportOptions, source: ImportSource, say: (t: string) => void): Promise<{ cp: Checkpoint } | { exit: ExitCode }> {
  let saved: Checkpoint | undefined;
  try {
    saved = await readCheckpoint(o.statePath);
  } catch (err) {
    say(`cannot read the checkpoint ${o.statePath}: ${(err as Error).message}; remove it or run with --restart / 无法读取断点文件`);
    if (!o.restart) return { exit: 2 };
  }
  const sameKind = saved !== undefined && saved.identity.path === o.file && saved.identity.mode === source.mode;
  const head = source.mode === 'ctr-array' ? Infinity : sameKind ? saved!.identity.headBytes : IDENTITY_HEAD_BYTES;
  const identity = await fileIdentity(o.file, source.mode, head);
  const offset = saved?.offset ?? 0;
  const lineBoundaryAtOffset = source.mode !== 'ctr-array' && offset <= source.size ? await lineStartsAt(o.file, offset) : true;
  const plan = planImport(saved, { identity, from: o.from?.month ?? null, size: source.size, lineBoundaryAtOffset }, o.restart);
  switch (plan.kind) {
    case 'refuse':
      say(`refused / 拒绝: ${plan.reason}`);
      return { exit: 2 };
    case 'done':
      say(`already imported / 已导入: ${o.file} — nothing sent (--restart sends it all again; the service keeps one copy)`);
      for (const line of summaryLines(plan.checkpoint.totals)) say(line);
      return { exit: 0 };
    case 'resume':
      say(plan.grown
        ? `the file grew since it was imported: sending from line ${plan.checkpoint.line} / 文件有新增内容，从第 ${plan.checkpoint.line} 行继续`
        : `resuming at line ${plan.checkpoint.line} (byte ${plan.checkpoint.offset}) / 从第 ${plan.checkpoint.line} 行继续`);
      return { cp: plan.checkpoint };
    case 'fresh': {
      if (plan.restarted) say('--restart: sending the whole file again; event ids are deterministic, so nothing is stored twice / 重新发送整个文件');
      const cp = newCheckpoint(identity, o.from?.month ?? null, new Date());
      await writeCheckpoint(o.statePath, cp);
      return { cp };
    }
  }
}

/** Adds an acknowledged chunk to the checkpoint's position and totals. */
function acknowledge(cp: Checkpoint, p: PreparedChunk, outcome: Exclude<FinalOutcome, { kind: 'fail' }> | undefined): void {
  const { chunk } = p;
  const t = cp.totals;
  cp.offset = chunk.endOffset;
  cp.line = chunk.firstLine + chunk.lines.length;
  t.lines += chunk.lines.length;
  t.linesSkipped += p.skipped;
  t.linesUnparseable += chunk.overlong.length;
  if (outcome === undefined) return;
  const r = outcome.report;
  t.requests++;
  t.eventsAccepted += r.accepted;
  t.eventsDuplicate += r.duplicates;
  t.eventsRejected += r.rejected;
  t.linesUnparseable += r.unparseable;
  t.agentStates += r.agentStates;
  if (outcome.kind === 'refused') {
    t.linesRefused += p.sent;
    return;
  }
  t.calls += p.calls;
  t.months = withMonths(t.months, p.months);
}

/**
 * Streams the file through telephony-events a chunk at a time. After each chunk the service
 * acknowledged, the checkpoint moves past it (written atomically), so a crash at any instant
 * re-sends at most the chunk in flight, which the service's deterministic event ids make harmless.
 */
export async function runImport(o: ImportOptions, io: ImportIo): Promise<ExitCode> {
  const progress = new ProgressReporter(io.err, io.tty);
  const say = (text: string) => progress.say(text);
  const source = await openSource(o);
  if ('problem' in source) {
    say(source.problem);
    return 2;
  }
  const start = await startingPoint(o, source, say);
  if ('exit' in start) return start.exit;
  const { cp } = start;
  const token = tokenSource(o.token, io.env);
  const startedAt = Date.now();
  const fractionAtStart = source.fraction(cp);
  let eventsThisRun = 0;
  const snapshot = () => ({
    fraction: source.fraction(cp), fractionAtStart, lines: cp.totals.lines, calls: cp.totals.calls, eventsThisRun, elapsedMs: Date.now() - startedAt,
  });

  const chunks = prepared(source, cp, o);
  // The next chunk is read while this one is being stored.
  let next = chunks.next();
  for (;;) {
    const item = await next;
    if (item.done) break;
    next = chunks.next();
    const p = item.value;
    const range = `lines ${p.chunk.firstLine}–${p.chunk.firstLine + p.chunk.lines.length - 1}`;
    for (const line of p.chunk.overlong) say(`line ${line} is longer than ${o.chunkBytes / 1048576} MB: not sent, counted as unparseable`);
    let answered: Exclude<FinalOutcome, { kind: 'fail' }> | undefined;
    if (p.body !== null) {
      const upload = { ...source.route, body: p.body };
      const outcome = await postWithRetries(() => post(o.telephonyUrl, token(), upload), {
        retries: o.retries,
        onRetry: (attempt, reason, waitMs) => say(`${range}: ${reason}; retry ${attempt} of ${o.retries} in ${(waitMs / 1000).toFixed(1)} s`),
      });
      if (outcome.kind === 'fail') {
        next.catch(() => undefined);
        await chunks.return(undefined);
        say(`failed / 失败: ${outcome.code}: ${outcome.message} — ${range} not stored; the checkpoint stays at line ${cp.line}, run again to resume`);
        return 1;
      }
      if (outcome.kind === 'refused') say(`${range}: refused whole (${outcome.reason}); counted as refused, moving on`);
      eventsThisRun += outcome.report.accepted + outcome.report.duplicates + outcome.report.rejected;
      answered = outcome;
    }
    acknowledge(cp, p, answered);
    cp.updatedAt = new Date().toISOString();
    await writeCheckpoint(o.statePath, cp);
    progress.update(snapshot());
  }
  cp.complete = true;
  cp.updatedAt = new Date().toISOString();
  await writeCheckpoint(o.statePath, cp);
  progress.update(snapshot(), true);
  progress.finish();
  say(`imported / 导入完成: ${o.file}`);
  for (const line of summaryLines(cp.totals, { wallMs: Date.now() - startedAt, eventsThisRun })) say(line);
  return 0;
}
