import type { INestApplication } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { UPSTREAMS, type ConsoleConfig } from '../config/console-config';
import { ConsoleErrors } from '../console.errors';

/**
 * `/api/<service>/…` → the service's `/…`, bodies streamed untouched (no body parser runs before it),
 * so the browser talks to one origin and the services see exactly what it sent.
 */
export function mountApiProxy(app: INestApplication, config: ConsoleConfig): void {
  for (const { name } of UPSTREAMS) {
    app.use(
      `/api/${name}`,
      createProxyMiddleware({
        target: config.upstreams[name],
        changeOrigin: true,
        xfwd: true,
        proxyTimeout: 60_000,
        on: {
          error: (_err, _req, res) => {
            if (!isHttpResponse(res)) return (res as Socket).destroy();
            if (res.headersSent) return res.end();
            res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
            res.end(JSON.stringify(ConsoleErrors.upstreamUnavailable(name)));
          },
        },
      }),
    );
  }
}

function isHttpResponse(res: ServerResponse | Socket): res is ServerResponse {
  return typeof (res as ServerResponse).writeHead === 'function';
}
