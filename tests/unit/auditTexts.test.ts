// Free text beside the audit chain (db/auditTexts.ts): the chained details hold a salted digest
// of each reason or note, never the text; the same text does not give the same digest twice.
import { auditHash, canonicalJson, GENESIS_HASH, type AuditEntry } from '../../db/audit';
import { separateFreeText, textDigest } from '../../db/auditTexts';

describe('audit free text', () => {
  test('reasons and notes leave the details as digests; codes stay', () => {
    const { details, texts } = separateFreeText({
      type: 'assessment_approval',
      outcome: 'return',
      reason: 'Tingkat risiko belum dijelaskan.',
      closureNote: '',
      to: 'usr_tksk3',
    });
    expect(texts.map((t) => [t.field, t.text])).toEqual([['reason', 'Tingkat risiko belum dijelaskan.']]);
    expect(details).toEqual({
      type: 'assessment_approval',
      outcome: 'return',
      reason: { textSha256: textDigest(texts[0].salt, texts[0].text) },
      closureNote: '',
      to: 'usr_tksk3',
    });
    expect(canonicalJson(details)).not.toContain('risiko');
    expect(separateFreeText({ text: 'Catatan kunjungan.' }).texts[0].field).toBe('text');
    expect(separateFreeText({ outcome: 'approve', reason: undefined })).toEqual({ details: { outcome: 'approve', reason: undefined }, texts: [] });
  });

  test('the digest is salted: a guessed text cannot be confirmed without the salt, which retention blanks', () => {
    const a = separateFreeText({ reason: 'Bukan PMKS.' });
    const b = separateFreeText({ reason: 'Bukan PMKS.' });
    expect(a.texts[0].salt).not.toBe(b.texts[0].salt);
    expect(a.details.reason).not.toEqual(b.details.reason);
    expect(textDigest(a.texts[0].salt, 'Bukan PMKS.')).toBe((a.details.reason as { textSha256: string }).textSha256);
  });

  test('the chain hashes the digest: blanking the text changes nothing it covers, changing the digest breaks it', () => {
    const { details } = separateFreeText({ outcome: 'reject', reason: 'Keluarga mampu.' });
    const entry: AuditEntry = {
      eventKey: 'k',
      at: new Date('2026-03-03T10:02:00.000Z'),
      actorId: 'u',
      actorRole: 'supervisor_kabupaten',
      action: 'task.completed',
      entityType: 'task',
      entityId: 't',
      caseId: 'c',
      details,
    };
    const h = auditHash(GENESIS_HASH, entry);
    expect(auditHash(GENESIS_HASH, { ...entry, details: JSON.parse(JSON.stringify(details)) })).toBe(h);
    expect(auditHash(GENESIS_HASH, { ...entry, details: { ...details, reason: { textSha256: '0'.repeat(64) } } })).not.toBe(h);
  });
});
