// Prometheus metrics of an API process (prom-client): request latency by route and status, and
// Node's own (event-loop lag, heap, GC). Served at /metrics only with METRICS_TOKEN as a bearer
// token: behind the proxy every request comes from loopback, so the address proves nothing.
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Router } from 'express';
import express from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export function apiMetrics(token: string | undefined): { middleware: RequestHandler; routes: Router } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const latency = new Histogram({
    name: 'kesos_http_request_duration_seconds',
    help: 'API request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const middleware: RequestHandler = (req, res, next) => {
    const end = latency.startTimer();
    res.on('finish', () => {
      // The route's pattern (/api/cases/:id), never the path itself: ids would explode the series.
      // Express has reset req.baseUrl by now; the one router mounted below a prefix is /api's.
      const pattern = req.route ? String(req.route.path) : undefined;
      const route = !pattern ? 'unmatched' : req.originalUrl.startsWith('/api/') && !pattern.startsWith('/api/') ? `/api${pattern}` : pattern;
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  const routes = express.Router();
  routes.get('/metrics', async (req, res) => {
    const given = Buffer.from((req.header('authorization') ?? '').replace(/^Bearer /i, ''));
    const expected = Buffer.from(token ?? '');
    if (!token || given.length !== expected.length || !timingSafeEqual(given, expected)) return void res.status(404).end();
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  });
  return { middleware, routes };
}
