// How kesos-flow's processes reach the Temporal frontend: its address and, when the frontend asks
// for mutual TLS (production, `LOCAL_TEMPORAL=cluster`), the CA that signed it and this caller's
// client certificate (TEMPORAL_TLS_CA / _CERT / _KEY file paths, TEMPORAL_TLS_SERVER_NAME).
import fs from 'node:fs';
import type { TLSConfig } from '@temporalio/client';

export interface TemporalEndpoint {
  address: string;
  tls?: TLSConfig;
}

export interface TemporalTlsFiles {
  ca: string;
  cert: string;
  key: string;
  serverName?: string;
}

/** The TLS options of a connection from the files (read now: a missing file fails at start, not at the first call). */
export function temporalTls(files: TemporalTlsFiles | undefined): TLSConfig | undefined {
  if (!files) return undefined;
  return {
    serverRootCACertificate: fs.readFileSync(files.ca),
    clientCertPair: { crt: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) },
    ...(files.serverName ? { serverNameOverride: files.serverName } : {}),
  };
}

/** The frontend at `address`, with mutual TLS when there are certificate files. */
export const endpointOf = (address: string, files: TemporalTlsFiles | undefined): TemporalEndpoint => ({ address, tls: temporalTls(files) });

/** The TEMPORAL_TLS_* variables of a process environment (all three files, or none). */
export function tlsFilesFromEnv(env: { [K in 'TEMPORAL_TLS_CA' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_KEY' | 'TEMPORAL_TLS_SERVER_NAME']?: string }):
  TemporalTlsFiles | undefined {
  const { TEMPORAL_TLS_CA: ca, TEMPORAL_TLS_CERT: cert, TEMPORAL_TLS_KEY: key, TEMPORAL_TLS_SERVER_NAME: serverName } = env;
  if (!ca && !cert && !key) return undefined;
  if (!ca || !cert || !key) throw new Error('TEMPORAL_TLS_CA, TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together (mutual TLS to the Temporal frontend)');
  return { ca, cert, key, serverName: serverName || undefined };
}

/** The variables that hand the same files to a child process. */
export function tlsEnv(files: TemporalTlsFiles | undefined): NodeJS.ProcessEnv {
  if (!files) return {};
  return {
    TEMPORAL_TLS_CA: files.ca,
    TEMPORAL_TLS_CERT: files.cert,
    TEMPORAL_TLS_KEY: files.key,
    ...(files.serverName ? { TEMPORAL_TLS_SERVER_NAME: files.serverName } : {}),
  };
}
