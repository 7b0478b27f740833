import { auditHash, canonicalJson, GENESIS_HASH, type AuditEntry } from '../../db/audit';

describe('audit hash chain (pure part)', () => {
  const entry: AuditEntry = {
    eventKey: 'k1',
    at: new Date('2026-03-03T10:02:00.000Z'),
    actorId: 'usr_supervisor1',
    actorRole: 'supervisor_kabupaten',
    action: 'task.completed',
    entityType: 'task',
    entityId: 't1',
    caseId: 'c1',
    details: { outcome: 'return', reason: 'risk level missing' },
  };

  test('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  test('the hash depends on the previous hash and on every field', () => {
    const h = auditHash(GENESIS_HASH, entry);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, { ...entry, details: { reason: 'risk level missing', outcome: 'return' } })).toBe(h);
    expect(auditHash(h, entry)).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...entry, details: { outcome: 'approve' } })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...entry, actorId: 'usr_supervisor2' })).not.toBe(h);
  });
});
