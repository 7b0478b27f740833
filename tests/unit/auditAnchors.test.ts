import type { AuditAnchor } from '../../db/audit';
import { thinAnchors } from '../../workflows/anchors';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = Date.parse('2026-06-01T00:00:00.000Z');

const anchorAt = (ms: number, seq: number): AuditAnchor => ({ seq: String(seq), hash: 'a'.repeat(64), rows: seq, at: new Date(ms).toISOString() });

describe('the anchors kept (workflows/anchors.ts)', () => {
  test('the last day keeps one per 10 minutes, the first of each, and always the latest', () => {
    const every2min = Array.from({ length: 30 }, (_, i) => anchorAt(NOW - 60 * MINUTE + i * 2 * MINUTE, i + 1));
    const kept = thinAnchors(every2min, NOW);
    // 60 minutes in 10-minute intervals (the first one starting mid-interval or not), plus the latest.
    expect(kept.length).toBeLessThanOrEqual(8);
    expect(kept[0]).toBe(every2min[0]);
    expect(kept.at(-1)).toBe(every2min.at(-1));
    for (let i = 1; i < kept.length - 1; i++)
      expect(Math.floor(Date.parse(kept[i].at) / (10 * MINUTE))).not.toBe(Math.floor(Date.parse(kept[i - 1].at) / (10 * MINUTE)));
  });

  test('older anchors thin to one a day, then one per 30 days, so the state stays bounded', () => {
    // Ten years of an anchor every 10 minutes would be 525,600; sampled hourly here.
    const hourly = Array.from({ length: 10 * 365 * 24 }, (_, i) => anchorAt(NOW - 10 * 365 * DAY + i * 60 * MINUTE, i + 1));
    const kept = thinAnchors(hourly, NOW);
    expect(kept.length).toBeLessThan(24 + 367 + 10 * 13 + 2);
    const lastYear = kept.filter((a) => NOW - Date.parse(a.at) >= DAY && NOW - Date.parse(a.at) < 366 * DAY);
    expect(new Set(lastYear.map((a) => a.at.slice(0, 10))).size).toBe(lastYear.length);
    expect(kept[0]).toBe(hourly[0]);
    expect(kept.at(-1)).toBe(hourly.at(-1));
    // Thinning again changes nothing: it can run on every anchoring.
    expect(thinAnchors(kept, NOW)).toEqual(kept);
  });

  test('a flood of anchoring calls cannot push the older anchors out', () => {
    const old = Array.from({ length: 30 }, (_, i) => anchorAt(NOW - (30 - i) * DAY, i + 1));
    const flood = Array.from({ length: 5_000 }, (_, i) => anchorAt(NOW - 5_000 + i, 100 + i));
    const kept = thinAnchors([...old, ...flood], NOW);
    expect(kept.slice(0, 30)).toEqual(old);
    expect(kept.length).toBeLessThanOrEqual(33);
  });
});
