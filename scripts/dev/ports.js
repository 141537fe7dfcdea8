'use strict';
// TCP probes: "is something listening here?" and "wait until it is".

const net = require('net');

/** Resolves true when a TCP connection to host:port succeeds within timeoutMs. */
function isListening(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until host:port accepts connections. `gaveUp()` (e.g. "the process already exited")
 * ends the wait early. Resolves true when listening, false on timeout or give-up.
 */
async function waitForPort(port, { host = '127.0.0.1', timeoutMs = 15000, gaveUp = () => false } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gaveUp()) {
    if (await isListening(port, host)) return true;
    await sleep(200);
  }
  return false;
}

module.exports = { isListening, waitForPort, sleep };
