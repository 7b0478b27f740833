// The order the suites run in, made explicit: by path by default (the same on every machine and
// every run, instead of jest's "slowest and last failed first", which follows a local cache),
// reversed with KESOS_TEST_ORDER=reverse, shuffled with KESOS_TEST_ORDER=shuffle (the seed is
// printed, and KESOS_TEST_SEED replays it). Every order must pass: no suite may rely on another.
'use strict';
const Sequencer = require('@jest/test-sequencer').default;

function shuffled(tests, seed) {
  // mulberry32: a small seeded generator, so a failing order can be replayed.
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...tests];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

class KesosSequencer extends Sequencer {
  sort(tests) {
    const byPath = [...tests].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const order = process.env.KESOS_TEST_ORDER ?? 'path';
    if (order === 'reverse') return byPath.reverse();
    if (order === 'shuffle') {
      const seed = Number(process.env.KESOS_TEST_SEED ?? Date.now() % 2 ** 31);
      console.log(`[kesos-flow] suites shuffled with KESOS_TEST_SEED=${seed}`);
      return shuffled(byPath, seed);
    }
    if (order !== 'path') throw new Error(`KESOS_TEST_ORDER must be path, reverse or shuffle (got ${order})`);
    return byPath;
  }
}

module.exports = KesosSequencer;
