// Determinism: histories stored from real runs replay against the current workflow code.
import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { HISTORIES_DIR } from '../support/histories';
import { testDataConverter } from '../support/keys';

const files = fs.existsSync(HISTORIES_DIR) ? fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')).sort() : [];

test('there are stored histories to replay', () => {
  expect(files.length).toBeGreaterThanOrEqual(3);
});

test.each(files)('%s replays without non-determinism', async (file) => {
  const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
  await Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows'), dataConverter: testDataConverter() }, history, file);
});
