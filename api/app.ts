// The Express app: middleware order, routers, the portal, and problem+json for every error.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { Sql } from '../db';
import { PROJECT_ROOT } from '../infra/config';
import { authenticate, authRoutes } from './auth/routes';
import { DEFAULT_LIMITS, type ThrottleLimits } from './auth/throttle';
import { auditRoutes } from './audit/routes';
import { dataSubjectRoutes } from './dataSubjects/routes';
import { directoryRoutes } from './directory/routes';
import { docsRoutes } from './docs/routes';
import { reportRoutes } from './reports/routes';
import { taliAsihRoutes } from './taliAsih/routes';
import { sembakoRoutes } from './sembako/routes';
import { sembakoPeriodRoutes } from './sembako/periods';
import { sembakoSanctionRoutes } from './sembako/sanctions';
import { kpmFixRoutes } from './sembako/kpmFixes';
import { complaintRoutes } from './complaints/routes';
import { KPM_IMPORT_BODY_LIMIT_BYTES } from './sembako/schema';
import { exportRoutes } from './exports/routes';
import { userRoutes } from './users/routes';
import { USER_IMPORT_BODY_LIMIT_BYTES } from './users/importSchema';
import { caseActionRoutes } from './cases/actions';
import { codecRoutes } from './codec/routes';
import { caseRoutes } from './cases/routes';
import { healthRoutes } from './health/routes';
import { apiMetrics } from './metrics';
import type { Logger } from './logger';
import { buildOpenApiDocument } from './openapi';
import { errorHandler, notFoundRoute, sendProblem } from './problem';
import { compressBodies, precompressedStatic, sendPrecompressed } from './compression';
import { policyRoutes } from './policies/routes';
import { privilegedRoutes } from './privileged/routes';
import { taskRoutes } from './tasks/routes';
import { tasklistRoutes } from './tasks/tasklist';
import { savedFilterRoutes } from './savedFilters/routes';
import { taskTypeRoutes } from './taskTypes/routes';
import { refuseMalformedPath, refuseUnsafeText } from './textSafety';
import { tkskAssignmentRoutes } from './tkskAssignments/routes';
import { sembakoCalendarRoutes } from './sembako/calendar';
import { psksRoutes } from './psks/routes';
import { pemetaanRoutes } from './pemetaan/routes';
import { PEMETAAN_IMPORT_BODY_LIMIT_BYTES } from './pemetaan/schema';
import { meetingRoutes } from './meetings/routes';
import { monthlyReportRoutes } from './monthlyReports/routes';

export interface AppDeps {
  sql: Sql;
  temporal: Client;
  taskQueue: string;
  jwtSecret: string;
  log: Logger;
  /** Encrypts Temporal payloads; served to the Temporal UI as a remote codec. */
  codec: PayloadCodec;
  /** Origins allowed to call the API from a browser (the Temporal UI for the codec endpoint). */
  corsOrigins?: string[];
  /** Login throttling (defaults: 5 failures per account, 50 per address, per 15 minutes). */
  loginLimits?: ThrottleLimits;
  /** The refresh cookie is Secure even on plain http requests (production, behind a TLS proxy). */
  secureCookies?: boolean;
  /** Folder of the built portal (served at /admin), if any. */
  adminDist?: string;
  /** Set on SIGTERM: readiness answers 503 while in-flight requests finish. */
  lifecycle?: { draining: boolean };
  /** Bearer token of GET /metrics (Prometheus); unset = no metrics endpoint. */
  metricsToken?: string;
  /** Schedules the API creates (a kabupaten's Sembako calendar) start paused (SCHEDULES_PAUSED=1, tests). */
  schedulesPaused?: boolean;
}

/** Documented limit: request bodies above this get 413. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * The Content-Security-Policy of every answer (the portal at /admin, Swagger UI at /api/docs, and
 * JSON, where it is inert): scripts only from this origin (the Vite build and swagger-ui-dist are
 * files, with no inline script and no eval), styles from this origin plus inline ones (MUI's
 * emotion and Swagger UI insert <style> elements and style attributes at run time), images and
 * fonts from here or data: URIs (the favicon, icons in CSS), fetches to this origin only, no
 * plugins, no <base> elsewhere, and no framing (clickjacking).
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** No /api answer is cached by a browser or a proxy: they carry personal data (a shared computer at the kantor desa). */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** The portal's hashed assets (admin/dist/assets, names change with their content) may be cached for good; its page is revalidated. */
const portalCacheControl = (file: string) => (file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
const portalCaching = (res: express.Response, file: string) => res.setHeader('Cache-Control', portalCacheControl(file));

const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.header('x-request-id');
  res.locals.requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', res.locals.requestId);
  next();
};

const requireJson: RequestHandler = (req, res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json')) {
    return sendProblem(res, 415, 'send the request body as application/json');
  }
  next();
};

/** CORS for an allow-list of origins only; the portal itself is same-origin and needs none. */
function cors(allowed: string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.header('origin');
    if (!origin || !allowed.includes(origin)) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, x-namespace, x-workflow-id, idempotency-key');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range, X-Request-Id');
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next();
  };
}

export function createApp(deps: AppDeps) {
  const { sql, temporal, log } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestId);
  app.use('/api', noStore);
  app.use(refuseMalformedPath);
  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // Only method, route path and status: never query strings, bodies or tokens.
      log.info({ requestId: res.locals.requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  });
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } }));
  app.use(cors(deps.corsOrigins ?? []));
  app.use(compressBodies);

  const metrics = apiMetrics(deps.metricsToken);
  app.use(metrics.middleware);
  app.use(metrics.routes);
  app.use(healthRoutes(sql, temporal, deps.lifecycle));

  const api = express.Router();
  api.use(requireJson);
  // A kecamatan's KPM list is bigger than any other body: its own limit, on its route only (the
  // general parser below skips a body already parsed).
  api.use('/sembako/kpm/imports', express.json({ limit: KPM_IMPORT_BODY_LIMIT_BYTES }));
  api.use('/admin/users/import', express.json({ limit: USER_IMPORT_BODY_LIMIT_BYTES }));
  api.use('/pemetaan/imports', express.json({ limit: PEMETAAN_IMPORT_BODY_LIMIT_BYTES }));
  // A meeting's attachment travels base64 in JSON (2 MiB of file is under 3 MiB of body).
  api.use('/meetings/:id/attachments', express.json({ limit: 3 * 1024 * 1024 }));
  api.use(express.json({ limit: BODY_LIMIT_BYTES }));
  api.use(refuseUnsafeText);
  api.use(authenticate(sql, deps.jwtSecret));
  const openapi = buildOpenApiDocument();
  api.get('/openapi.json', (_req, res) => res.json(openapi));
  api.use(docsRoutes());
  api.use(
    authRoutes(sql, deps.jwtSecret, {
      limits: deps.loginLimits ?? DEFAULT_LIMITS,
      allowedOrigins: deps.corsOrigins ?? [],
      secureCookies: deps.secureCookies ?? false,
    }),
  );
  api.use(taskTypeRoutes());
  api.use(caseActionRoutes(sql, temporal, deps.taskQueue));
  api.use(caseRoutes(sql, temporal, deps.taskQueue));
  api.use(policyRoutes(sql));
  api.use(codecRoutes(sql, deps.codec, temporal));
  api.use(auditRoutes(sql, temporal));
  api.use(userRoutes(sql));
  api.use(directoryRoutes(sql));
  api.use(dataSubjectRoutes(sql));
  api.use(privilegedRoutes(sql));
  api.use(reportRoutes(sql));
  api.use(taliAsihRoutes(sql, temporal, deps.taskQueue));
  api.use(sembakoRoutes(sql));
  api.use(sembakoPeriodRoutes(sql, temporal, deps.taskQueue));
  api.use(sembakoSanctionRoutes(sql, temporal, deps.taskQueue));
  api.use(complaintRoutes(sql, temporal, deps.taskQueue));
  api.use(exportRoutes(sql));
  api.use(tkskAssignmentRoutes(sql, temporal, deps.taskQueue));
  api.use(kpmFixRoutes(sql, temporal, deps.taskQueue));
  api.use(sembakoCalendarRoutes(sql, temporal, deps.taskQueue, { schedulesPaused: deps.schedulesPaused ?? false }));
  api.use(psksRoutes(sql));
  api.use(pemetaanRoutes(sql));
  api.use(meetingRoutes(sql, temporal, deps.taskQueue));
  api.use(monthlyReportRoutes(sql, temporal, deps.taskQueue));
  api.use(tasklistRoutes(sql, temporal));
  api.use(savedFilterRoutes(sql));
  api.use(taskRoutes(sql, temporal));
  api.use(notFoundRoute);
  app.use('/api', api);

  const dist = deps.adminDist ?? path.join(PROJECT_ROOT, 'admin', 'dist');
  if (fs.existsSync(path.join(dist, 'index.html'))) {
    app.use('/admin', precompressedStatic(dist, portalCacheControl), express.static(dist, { index: 'index.html', setHeaders: portalCaching }));
    app.get('/admin/{*rest}', (req, res) => {
      const index = path.join(dist, 'index.html');
      if (sendPrecompressed(req, res, index, 'no-cache')) return;
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
  app.get('/', (_req, res) => res.redirect('/admin/'));

  app.use(notFoundRoute);
  app.use(errorHandler(log));
  return app;
}
