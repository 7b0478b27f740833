// The API's zod messages in the portal's language: the common codes are worded in Bahasa
// Indonesia with zod's limits and the schema's examples; a domain rule's own words are kept, and
// English shows the server's text.
import { z } from 'zod';
import indonesian from '../../admin/src/i18n/id';
import { localizedIssue } from '../../admin/src/i18n/serverValidation';
import { fieldIssues } from '../../api/problem';
import { kecamatanCodeSchema } from '../../domain/regions';

/** A minimal polyglot-style translate over the Indonesian messages. */
const translate = (key: string, options: Record<string, unknown> = {}) => {
  const found = key.split('.').reduce<any>((node, k) => node?.[k], indonesian);
  if (typeof found !== 'string') return String(options._ ?? key);
  return found.replace(/%\{(\w+)\}/g, (_, name: string) => String(options[name]));
};

/** What the API would send for this body, as the portal shows it. */
const shown = (schema: z.ZodType, body: unknown, locale = 'id') =>
  Object.fromEntries(fieldIssues('body', schema.safeParse(body).error!.issues).map((i) => [i.pointer, localizedIssue(i, locale, translate)]));

const schema = z.strictObject({
  reason: z.string().trim().min(5),
  note: z.string().min(1),
  needs: z.array(z.string()).min(1).max(3),
  visitCadenceDays: z.number().int().min(1).max(90),
  riskLevel: z.enum(['rendah', 'sedang', 'tinggi']),
  kecamatanCode: kecamatanCodeSchema,
  taskId: z.uuid(),
  birthDate: z.string().refine(() => false, 'birth date does not match the NIK'),
});

test('common zod codes are worded in Bahasa Indonesia, with the limit or example from the message', () => {
  expect(
    shown(schema, {
      reason: 'ab',
      note: '',
      needs: [],
      visitCadenceDays: 120,
      riskLevel: 'parah',
      kecamatanCode: '33-73',
      taskId: 'x',
      birthDate: '1962-08-17',
      extra: 1,
    }),
  ).toEqual({
    '/body/reason': 'Minimal 5 karakter',
    '/body/note': 'Wajib diisi',
    '/body/needs': 'Isi minimal 1 butir',
    '/body/visitCadenceDays': 'Maksimal 90',
    '/body/riskLevel': 'Pilihan tidak valid',
    '/body/kecamatanCode': 'Format tidak valid, contoh: 33.73.01',
    '/body/taskId': 'Format tidak valid',
    '/body/birthDate': 'birth date does not match the NIK',
    '/body/extra': 'Isian ini tidak dikenal',
  });
  expect(shown(schema, { needs: ['a', 'b', 'c', 'd'], visitCadenceDays: 'x' })).toMatchObject({
    '/body/reason': 'Wajib diisi',
    '/body/needs': 'Maksimal 3 butir',
    '/body/visitCadenceDays': 'Jenis isian tidak sesuai',
  });
});

test('in English the server message is shown as it is', () => {
  expect(shown(schema, { reason: 'ab' }, 'en')['/body/reason']).toBe('Too small: expected string to have >=5 characters');
});
