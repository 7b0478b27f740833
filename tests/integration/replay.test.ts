// Determinism: histories stored from real runs replay against the current workflow code.
import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { HISTORIES_DIR } from '../support/histories';
import { testDataConverter } from '../support/keys';

/** `<generation>/<name>.json`, every generation: old histories must keep replaying. */
const files = fs
  .readdirSync(HISTORIES_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort();

test('there are stored histories of the current code and of earlier generations', () => {
  const generations = new Set(files.map((f) => path.dirname(f)));
  expect(generations).toContain('current');
  expect(generations.size).toBeGreaterThanOrEqual(2);
  expect(files.length).toBeGreaterThanOrEqual(20);
});

test.each(files)('%s replays without non-determinism', async (file) => {
  const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
  await Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows'), dataConverter: testDataConverter() }, history, file);
});
