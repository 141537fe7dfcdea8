'use strict';
// Child processes with tagged output, each in its own process group (detached), so the
// terminal's Ctrl-C reaches only the dev runner, which then stops them in order.

const { spawn } = require('child_process');
const { tag, pipeLines } = require('./log');

/**
 * Starts `command args` and returns { label, child, exited, exitInfo }, where `exited`
 * resolves with { code, signal, error } once it is gone. `ipc: true` adds a message channel.
 */
function startProcess({ label, color, command, args = [], env = process.env, cwd, ipc = false }) {
  const stdio = ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'];
  const child = spawn(command, args, { cwd, env, stdio, detached: true });
  const prefix = tag(label, color);
  pipeLines(child.stdout, process.stdout, prefix);
  pipeLines(child.stderr, process.stderr, prefix);
  const proc = { label, child, exitInfo: null };
  proc.exited = new Promise((resolve) => {
    const finish = (info) => {
      if (proc.exitInfo) return;
      proc.exitInfo = info;
      resolve(info);
    };
    child.once('exit', (code, signal) => finish({ code, signal }));
    child.once('error', (error) => finish({ code: null, signal: null, error })); // e.g. ENOENT
  });
  return proc;
}

/** Sends `signal` to the process's whole group (it leads one), falling back to the process alone. */
function signalGroup(proc, signal) {
  if (proc.exitInfo || !proc.child.pid) return;
  try {
    process.kill(-proc.child.pid, signal);
  } catch {
    try {
      proc.child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Asks the process to stop; after timeoutMs it is killed. Resolves once it has exited. */
async function stopProcess(proc, { signal = 'SIGTERM', timeoutMs = 15000, log } = {}) {
  if (proc.exitInfo) return proc.exitInfo;
  signalGroup(proc, signal);
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const info = await Promise.race([proc.exited, timedOut]);
  clearTimeout(timer);
  if (info) return info;
  if (log) log.warn(`${proc.label} still running after ${timeoutMs / 1000} s; sending SIGKILL`);
  signalGroup(proc, 'SIGKILL');
  return proc.exited;
}

/** "code 1", "signal SIGKILL" or the spawn error, for messages. */
function describeExit(info) {
  if (info.error) return info.error.message;
  return info.signal ? `signal ${info.signal}` : `code ${info.code}`;
}

module.exports = { startProcess, stopProcess, signalGroup, describeExit };
