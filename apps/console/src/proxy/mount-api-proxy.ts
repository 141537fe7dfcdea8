import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { UPSTREAMS, type ConsoleConfig } from '../config/console-config';
import { ConsoleErrors } from '../console.errors';
import { recordingAuthorization } from '../media-session/media-cookie';

/**
 * `/api/<service>/…` → the service's `/…`, bodies streamed untouched (no body parser runs before it),
 * so the browser talks to one origin and the services see exactly what it sent. Answers stream back as
 * they come, status and headers untouched: a recording's `Range` request gets the service's 206 with its
 * `Content-Range` and `Accept-Ranges`, so an `<audio>` element seeks without downloading the whole call.
 */
export function mountApiProxy(app: INestApplication, config: ConsoleConfig): void {
  // An <audio> element cannot send the bearer header: its recording requests carry the media cookie instead.
  app.use('/api/telephony-events', authorizeRecordingFromCookie);
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

function authorizeRecordingFromCookie(req: Request, _res: Response, next: NextFunction): void {
  const authorization = recordingAuthorization({ method: req.method, path: req.path, authorization: req.headers.authorization, cookie: req.headers.cookie });
  if (authorization) req.headers.authorization = authorization;
  next();
}
