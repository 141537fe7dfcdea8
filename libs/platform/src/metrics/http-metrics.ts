import type { NextFunction, Request, Response } from 'express';
import { Histogram, register } from 'prom-client';

/** Label for requests no route matched (404s, bodies refused before routing): keeps raw URLs out of the labels. */
export const UNMATCHED_ROUTE = 'unmatched';

let histogram: Histogram<'method' | 'route' | 'status'> | undefined;

/** One histogram per process, like the messaging metrics (several apps may share a process in tests). */
export function httpRequestDuration(): Histogram<'method' | 'route' | 'status'> {
  histogram ??= new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern (not the raw URL) and status, from arrival to the last byte sent',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [register],
  });
  return histogram;
}

/** Route pattern Express matched, e.g. `/v1/calls/:callId`; the label stays bounded whatever URLs arrive. */
function routeOf(req: Request): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' ? `${req.baseUrl ?? ''}${pattern}` : UNMATCHED_ROUTE;
}

export function httpMetricsMiddleware(): (req: Request, res: Response, next: NextFunction) => void {
  const h = httpRequestDuration();
  return (req, res, next) => {
    const stop = h.startTimer();
    res.once('finish', () => stop({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
    next();
  };
}
