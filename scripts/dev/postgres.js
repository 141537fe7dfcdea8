'use strict';
// PostgreSQL for the dev runner: make sure the database exists, or run an embedded server.
// The embedded server lives in a child process (embedded-postgres-runner.js); see why there.

const path = require('path');
const { Client } = require('pg');
const { startProcess } = require('./processes');

const RUNNER = path.join(__dirname, 'embedded-postgres-runner.js');

/** Connects to the server of `url` (database "postgres") and creates url's database if missing. */
async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      return true;
    }
    return false;
  } finally {
    await client.end();
  }
}

/**
 * Starts the embedded PostgreSQL (initialising `dataDir` on first run) and resolves with the
 * runner process once the server accepts connections. Stop it with SIGTERM.
 */
function startEmbeddedPostgres({ dataDir, port, password }) {
  const env = { ...process.env, DEV_PG_DATA_DIR: dataDir, DEV_PG_PORT: String(port), DEV_PG_PASSWORD: password };
  const proc = startProcess({ label: 'postgres', color: 'gray', command: process.execPath, args: [RUNNER], env, ipc: true });
  return new Promise((resolve, reject) => {
    proc.child.on('message', (msg) => {
      if (msg && msg.type === 'ready') resolve(proc);
      if (msg && msg.type === 'failed') reject(new Error(`embedded PostgreSQL failed: ${msg.message}`));
    });
    proc.exited.then(() => reject(new Error('embedded PostgreSQL exited during start-up (see the [postgres] lines above)')));
  });
}

/** postgres://user:password@host:port/db with the password masked, for printing. */
function maskPassword(url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

module.exports = { ensureDatabase, startEmbeddedPostgres, maskPassword };
