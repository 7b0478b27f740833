// Free ports for the processes a local stack starts (tests, benchmarks, the cluster mode).
import net from 'node:net';

/** A TCP port that is free right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A port such that it and the `count - 1` after it are free right now, below 32768 (a cluster's services, API replicas). */
export async function freePortBlock(count: number): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    // Below 32768: the Temporal cluster's membership ports are a smallint column.
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    let free = true;
    for (let p = base; p < base + count && free; p++) free = await isFree(p);
    if (free) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}
