/**
 * npm run import:history -- --queue-log <file> | --ctr <file> [--from YYYY-MM] [--telephony-url URL] [--token T]
 *
 * Streams a year of Asterisk queue_log lines or Amazon Connect CTRs through telephony-events'
 * ordinary adapters (so facts, scoring and revisions of closed months follow the normal path),
 * resumable after a crash from a checkpoint beside the file, idempotent when run again.
 * Exit codes: 0 done, 1 failed, 2 usage. See README "Importing history".
 */
import { parseImportOptions, USAGE, UsageError } from './import-options';
import { runImport, type ExitCode } from './import-run';

async function main(): Promise<ExitCode> {
  try {
    const options = parseImportOptions(process.argv.slice(2), process.env);
    return await runImport(options, { err: process.stderr, tty: process.stderr.isTTY === true, env: process.env });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n${USAGE}\n`);
    return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`import failed / 导入失败: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
