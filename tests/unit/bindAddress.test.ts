// Local mode listens on loopback unless told otherwise; production's default is explicit.
import { loadConfig, loopbackHost } from '../../infra/config';
import { devServerArgs } from '../../infra/temporalServer';

test('the API binds to 127.0.0.1 by default, 0.0.0.0 in production, BIND_ADDRESS when set', () => {
  expect(loadConfig({}).bindAddress).toBe('127.0.0.1');
  expect(loadConfig({ NODE_ENV: 'production' }).bindAddress).toBe('0.0.0.0');
  expect(loadConfig({ NODE_ENV: 'production', BIND_ADDRESS: '10.0.0.5' }).bindAddress).toBe('10.0.0.5');
  expect(loadConfig({ BIND_ADDRESS: '::1' }).bindAddress).toBe('::1');
  expect(() => loadConfig({ BIND_ADDRESS: 'everywhere' })).toThrow(/BIND_ADDRESS/);
});

test('URLs for reaching a bound address from this machine', () => {
  expect(loopbackHost('127.0.0.1')).toBe('127.0.0.1');
  expect(loopbackHost('0.0.0.0')).toBe('127.0.0.1');
  expect(loopbackHost('::')).toBe('[::1]');
  expect(loopbackHost('::1')).toBe('[::1]');
});

test('the Temporal dev server binds its frontend and its UI to 127.0.0.1', () => {
  const withUi = devServerArgs({ dbFile: '/x/temporal.db', port: 7233, uiPort: 8233, namespace: 'default' });
  expect(withUi.join(' ')).toContain('--ip 127.0.0.1');
  expect(withUi.join(' ')).toContain('--ui-ip 127.0.0.1 --ui-port 8233');
  const headless = devServerArgs({ dbFile: '/x/temporal.db', port: 7233, namespace: 'default' });
  expect(headless).toContain('--headless');
  expect(headless.join(' ')).toContain('--ip 127.0.0.1');
});
