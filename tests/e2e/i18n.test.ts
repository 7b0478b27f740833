// The portal's two languages carry the same messages: every key in Bahasa Indonesia exists in
// English and the other way round (a missing key shows its raw name in the UI).
import english from '../../admin/src/i18n/en';
import indonesian from '../../admin/src/i18n/id';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

test('Bahasa Indonesia and English have identical key sets', () => {
  const id = new Set(keys(indonesian));
  const en = new Set(keys(english));
  expect([...id].filter((k) => !en.has(k))).toEqual([]);
  expect([...en].filter((k) => !id.has(k))).toEqual([]);
  expect(id.size).toBeGreaterThan(400);
});

const leaves = (tree: object, prefix = ''): [string, unknown][] =>
  Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]));

test('every portal message (kesos.*, resources.*) is a non-empty string in both languages', () => {
  for (const messages of [indonesian, english]) {
    const empty = leaves(messages).filter(([k, v]) => !k.startsWith('ra.') && (typeof v !== 'string' || v.trim() === ''));
    expect(empty).toEqual([]);
  }
});
