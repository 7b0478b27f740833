// What an operator's tooling reads: liveness apart from readiness, and Prometheus metrics that
// only a holder of METRICS_TOKEN gets, labelled by route pattern (never by id).
import { randomUUID } from 'node:crypto';
import { TEST_METRICS_TOKEN } from '../support/keys';
import { call, login, stack } from '../support/stack';
import { CLUSTER_MODE } from '../support/stackProcess';

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${stack().apiUrl}${path}`, { headers });

test('liveness answers on its own; readiness checks PostgreSQL and Temporal', async () => {
  const live = await get('/health/live');
  expect({ status: live.status, body: await live.json() }).toEqual({ status: 200, body: { status: 'ok' } });
  const ready = await get('/health/ready');
  expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ok', temporal: 'ok', db: 'ok' } });
});

test('GET /metrics is 404 without the token or with another; with it, request latency by route pattern', async () => {
  expect((await get('/metrics')).status).toBe(404);
  expect((await get('/metrics', { authorization: 'Bearer not-the-token-at-all-1234' })).status).toBe(404);
  const id = randomUUID();
  const token = await login('supervisor1');
  // Four in a row: behind the cluster's round-robin proxy, every API replica answers some.
  for (let i = 0; i < 4; i++) expect((await call('GET', `/api/cases/${id}`, { token })).status).toBe(404);
  const metrics = await get('/metrics', { authorization: `Bearer ${TEST_METRICS_TOKEN}` });
  expect(metrics.status).toBe(200);
  const text = await metrics.text();
  expect(text).toMatch(/kesos_http_request_duration_seconds_count\{method="GET",route="\/api\/cases\/:id",status="404"\} \d+/);
  expect(text).not.toContain(id);
  expect(text).toContain('nodejs_eventloop_lag_seconds');
});

(CLUSTER_MODE ? test.skip : test)("the worker serves the SDK's metrics: workflow task latency and the task queue's schedule-to-start", async () => {
  const r = await fetch(stack().workerMetricsUrl!);
  expect(r.status).toBe(200);
  const text = await r.text();
  expect(text).toContain('temporal_workflow_task_execution_latency');
  expect(text).toContain('temporal_workflow_task_schedule_to_start_latency');
});
