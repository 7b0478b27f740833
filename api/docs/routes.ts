// Interactive API docs at /api/docs: Swagger UI from the swagger-ui-dist npm package, served
// locally (works offline), reading /api/openapi.json.
import path from 'node:path';
import express, { Router } from 'express';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>kesos-flow API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

// No online validator badge: it would send the document's address to validator.swagger.io (and the
// Content-Security-Policy allows images from this origin only).
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true, validatorUrl: null });`;

export function docsRoutes(): Router {
  const router = Router();
  const dist = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  router.use('/docs/assets', express.static(dist, { index: false }));
  router.get('/docs/init.js', (_req, res) => res.type('application/javascript').send(INIT));
  router.get('/docs', (_req, res) => res.type('html').send(PAGE));
  return router;
}
