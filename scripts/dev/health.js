'use strict';
// Reports each service once its GET /health/ready answers 2xx.

const { sleep } = require('./ports');

async function isReady(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Polls every service until ready, logging each; stops early when shouldStop() says so. */
async function reportReadiness(services, { log, shouldStop, timeoutMs = 180000 }) {
  const waiting = new Set(services);
  const deadline = Date.now() + timeoutMs;
  while (waiting.size > 0 && Date.now() < deadline && !shouldStop()) {
    for (const svc of [...waiting]) {
      if (await isReady(svc.port)) {
        waiting.delete(svc);
        log.info(`${svc.name} ready`);
      }
    }
    if (waiting.size > 0) await sleep(1000);
  }
  if (shouldStop()) return;
  if (waiting.size === 0) log.info(`all ${services.length} services ready`);
  else log.warn(`not ready after ${timeoutMs / 1000} s: ${[...waiting].map((s) => s.name).join(', ')} (still running; see their logs)`);
}

module.exports = { reportReadiness };
