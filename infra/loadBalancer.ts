// A small round-robin HTTP proxy in front of several API processes (LOCAL_API_REPLICAS > 1): what
// a reverse proxy does in production, so that local runs and `npm run test:cluster` exercise
// replicas that share nothing but PostgreSQL and Temporal. A backend that refuses the connection
// is skipped for the next one; a request that reached a backend is never sent to another.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoadBalancer {
  url: string;
  close(): Promise<void>;
}

export async function startLoadBalancer(bindAddress: string, port: number, backends: { host: string; port: number }[]): Promise<LoadBalancer> {
  let next = 0;
  const server = http.createServer(async (req, res) => {
    // The body is read first, so that a refused connection can be retried on the next backend.
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const forward = (attempt: number) => {
      const backend = backends[next++ % backends.length];
      const upstream = http.request({ host: backend.host, port: backend.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.once('error', (err: NodeJS.ErrnoException) => {
        // Only a connection that never opened may go to another backend: nothing was sent yet.
        if (err.code === 'ECONNREFUSED' && attempt + 1 < backends.length && !res.headersSent) return forward(attempt + 1);
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'no API replica answered' }));
      });
      upstream.end(body);
    };
    forward(0);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, bindAddress, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${bindAddress.includes(':') ? `[${bindAddress}]` : bindAddress}:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive connections would hold close() for seconds
      }),
  };
}
