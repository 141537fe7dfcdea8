'use strict';
// Docker HEALTHCHECK: exit 0 when GET /health/ready on this container's service answers 2xx.
const DEFAULT_PORTS = { 'telephony-events': 3001, 'qa-evaluation': 3002, attendance: 3003, scoring: 3004, notification: 3005 };
const port = process.env.PORT || DEFAULT_PORTS[process.env.SERVICE];
fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2500) })
  .then((res) => process.exit(res.ok ? 0 : 1))
  .catch(() => process.exit(1));
