'use strict';
// A local nats-server with JetStream, for when neither NATS_URL nor a running server is there.

const fs = require('fs');
const path = require('path');
const { startProcess } = require('./processes');
const { waitForPort } = require('./ports');

const WELL_KNOWN_PATHS = ['/usr/sbin/nats-server', '/usr/local/bin/nats-server', '/opt/homebrew/bin/nats-server'];

const HOW_TO_GET_ONE = [
  'No NATS found: NATS_URL is not set, nothing listens on 127.0.0.1:4222, and there is no nats-server binary.',
  'Get one of:',
  '  Debian/Ubuntu:  sudo apt-get install nats-server',
  '  Homebrew:       brew install nats-server',
  '  Docker:         docker compose up -d nats   (compose checks AUTH_JWT_SECRET for the whole file: set it to anything)',
  'or point NATS_URL at a server with JetStream enabled.',
].join('\n');

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The nats-server binary on PATH or in a well-known place, or null. */
function findNatsServer() {
  const onPath = (process.env.PATH || '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'nats-server'));
  return [...onPath, ...WELL_KNOWN_PATHS].find(isExecutable) || null;
}

/** Starts nats-server (JetStream, loopback only) and resolves once it accepts connections. */
async function startNatsServer({ bin, port, storeDir }) {
  fs.mkdirSync(storeDir, { recursive: true });
  const args = ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir];
  const proc = startProcess({ label: 'nats', color: 'gray', command: bin, args });
  const up = await waitForPort(port, { timeoutMs: 15000, gaveUp: () => proc.exitInfo !== null });
  if (!up) {
    if (!proc.exitInfo) proc.child.kill('SIGKILL');
    throw new Error(`nats-server did not start on 127.0.0.1:${port} (see the [nats] lines above)`);
  }
  return proc;
}

module.exports = { findNatsServer, startNatsServer, HOW_TO_GET_ONE };
