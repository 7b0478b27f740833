// Compression without a dependency (docs/decisions/0012-portal-loading.md): the portal's files are
// compressed once at build time (admin/vite.config.ts writes .br and .gz beside them) and served
// as they are; the API's bodies sent whole (res.json, res.send) are compressed as they leave.
// Streamed answers (res.write: the audit CSV) are left alone, so nothing that streams is held back.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';

/** Below this a compressed body is not worth the CPU (one TCP packet either way). */
export const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE = /^(application\/(json|problem\+json|javascript)|text\/)/;

/** The encoding the request accepts best among ours, or undefined for identity. */
function chosenEncoding(req: Request): 'br' | 'gzip' | undefined {
  const best = req.acceptsEncodings('br', 'gzip', 'identity');
  return best === 'br' || best === 'gzip' ? best : undefined;
}

/**
 * Compresses whole bodies: brotli at quality 4 (about gzip's speed, smaller) or gzip, for JSON
 * and text of at least 1 kB. Cache-Control is untouched (/api stays no-store).
 */
export const compressBodies: RequestHandler = (req, res, next) => {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const type = String(res.getHeader('Content-Type') ?? '');
    if ((typeof body === 'string' || Buffer.isBuffer(body)) && COMPRESSIBLE.test(type) && !res.getHeader('Content-Encoding')) {
      res.vary('Accept-Encoding');
      const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const encoding = raw.length >= MIN_COMPRESS_BYTES && req.method !== 'HEAD' ? chosenEncoding(req) : undefined;
      if (encoding) {
        const packed =
          encoding === 'br'
            ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
            : zlib.gzipSync(raw, { level: 6 });
        res.setHeader('Content-Encoding', encoding);
        return send(packed);
      }
    }
    return send(body as never);
  };
  next();
};

/** Content types of the files the build precompresses (the suffixes admin/vite.config.ts compresses). */
const PRECOMPRESSED_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Sends `file` (an absolute path inside the portal's dist) as its .br or .gz sibling when the
 * request accepts that encoding and the build wrote one; false when there is none to send (the
 * caller serves the file itself). Vary is set either way, so a shared cache keeps the variants apart.
 */
export function sendPrecompressed(req: Request, res: Response, file: string, cacheControl: string): boolean {
  const type = PRECOMPRESSED_TYPES[path.extname(file)];
  if (!type) return false;
  const encoding = chosenEncoding(req);
  const variant = encoding && `${file}${encoding === 'br' ? '.br' : '.gz'}`;
  res.vary('Accept-Encoding');
  if (!variant || !fs.existsSync(variant)) return false;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Encoding', encoding);
  res.setHeader('Cache-Control', cacheControl);
  res.sendFile(variant, { cacheControl: false, lastModified: true, etag: true });
  return true;
}

/** Serves dist's precompressed files before express.static does the rest (the uncompressed answer). */
export function precompressedStatic(dist: string, cacheControlOf: (file: string) => string): RequestHandler {
  const root = path.resolve(dist);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.resolve(root, `.${relative.endsWith('/') ? `${relative}index.html` : relative}`);
    // Never outside dist (a path with ..), never a directory.
    if (!file.startsWith(`${root}${path.sep}`) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return next();
    if (!sendPrecompressed(req, res, file, cacheControlOf(file))) next();
  };
}
