// pino with redaction: NIK, names, passwords and tokens never reach the logs.
import pino from 'pino';

export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'kesos-api' },
    redact: {
      paths: ['req.headers.authorization', '*.password', '*.token', '*.nik', '*.name', 'body', 'err.config'],
      censor: '[redacted]',
    },
  });
}
export type Logger = ReturnType<typeof createLogger>;
