// No invented answers: every task form the portal can reach opens empty, field by field as the
// type's JSON Schema (GET /api/task-types) lists them, for every outcome; a step sent back opens
// with what the person sent before, and nothing else. The examples are documentation only.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import {
  completeOk,
  openTask as openApiTask,
  recentDate,
  referral,
  registerCase,
  setCasePolicy,
  setSla,
  toPendampingan,
  visit,
  waitUntil,
} from '../support/casework';
import { completeOk as claimStep, openTaskOf } from '../support/taliAsih';
import { freshPeriod } from '../support/sembako';
import { asesmenData, call, db, login, signedInTksk } from '../support/stack';
import { go, signIn, todayWib } from './portal';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  const?: string;
}
interface TaskTypeInfo {
  type: string;
  role: string;
  outcomes: string[];
  schema: JsonSchema;
}

let browser: Browser;
const pages: Record<string, Page> = {};
let types: Map<string, TaskTypeInfo>;
/** Which types and outcomes were opened, to show the test reached them all. */
const opened: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  for (const user of ['tksk1', 'tksk2', 'supervisor1', 'provinsi1']) pages[user] = await signIn(browser, user);
  const r = await call('GET', '/api/task-types', { token: await login('tksk1') });
  types = new Map((r.body as TaskTypeInfo[]).map((t) => [t.type, t]));
});
afterAll(() => browser?.close());

/** The `data` schema of an outcome ('' = a type without outcomes). */
function dataSchema(info: TaskTypeInfo, outcome: string): JsonSchema {
  const variants = info.schema.oneOf ?? info.schema.anyOf;
  const variant = variants ? variants.find((v) => v.properties?.outcome?.const === outcome) : info.schema;
  return variant!.properties!.data;
}

/** Every input of the form by name (`data.needs.0`, `data.referral.urgency`) with its value. */
const formValues = (page: Page) =>
  page.getByTestId('task-form').evaluate((form) =>
    Object.fromEntries(
      Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[name], textarea[name]'))
        .filter((e) => e.name.startsWith('data.'))
        .map((e) => [e.name, e.value]),
    ),
  );

/**
 * For each property of the schema (nested objects walked): its input is on the form, and its
 * value is the case's earlier answer when `previous` has one, empty otherwise. An array field is
 * each of its item inputs.
 */
function check(schema: JsonSchema, values: Record<string, string>, prefix: string, previous: Record<string, unknown> = {}, out: string[] = []): string[] {
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    const name = `${prefix}.${key}`;
    if (prop.type === 'object') {
      check(prop, values, name, (previous[key] as Record<string, unknown>) ?? {}, out);
      continue;
    }
    const want = previous[key];
    if (prop.type === 'array') {
      const items = Object.keys(values).filter((n) => n.startsWith(`${name}.`));
      const wanted = Array.isArray(want) ? want.map(String) : [];
      const got = items.map((n) => values[n]).filter((v, i) => v !== '' || i < wanted.length);
      if (JSON.stringify(got) !== JSON.stringify(wanted)) out.push(`${name}: ${JSON.stringify(got)} (expected ${JSON.stringify(wanted)})`);
      continue;
    }
    if (!(name in values)) out.push(`${name}: not on the form`);
    else if (values[name] !== (want === undefined ? '' : String(want)))
      out.push(`${name}: "${values[name]}" (expected ${want === undefined ? 'empty' : `"${String(want)}"`})`);
  }
  return out;
}

/** Opens the task's page and checks the form of each outcome of its type. */
async function expectFormsFromCase(page: Page, taskId: string, type: string, previous?: Record<string, unknown>): Promise<void> {
  const info = types.get(type)!;
  await go(page, `/tasks/${taskId}/show`);
  // This task's form, not the previous page's still on screen while the new one loads.
  await page.locator(`[data-testid="complete-task"][data-task-id="${taskId}"]`).waitFor();
  for (const outcome of info.outcomes.length ? info.outcomes : ['']) {
    if (outcome) await page.getByTestId('complete-task').locator(`input[type="radio"][value="${outcome}"]`).check();
    await page.getByTestId('task-form').waitFor();
    const problems = check(dataSchema(info, outcome), await formValues(page), 'data', previous);
    expect({ type, outcome, problems }).toEqual({ type, outcome, problems: [] });
    opened.push(outcome ? `${type}:${outcome}` : type);
  }
}

test('the TKSK forms open empty: assessment, every visit outcome, every referral-feedback outcome', async () => {
  const fresh = await registerCase('tksk1');
  await expectFormsFromCase(pages.tksk1, (await openApiTask(fresh, 'asesmen', 'tksk1')).id, 'asesmen');

  const caseId = await toPendampingan();
  await expectFormsFromCase(pages.tksk1, (await openApiTask(caseId, 'pendampingan_visit', 'tksk1')).id, 'pendampingan_visit');
  await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('refer', { referral }));
  const feedback = await waitUntil(
    'the referral feedback task',
    async () => (await openApiTask(caseId, 'rujukan_feedback', 'tksk1').catch(() => undefined)) ?? false,
  );
  await expectFormsFromCase(pages.tksk1, feedback.id, 'rujukan_feedback');
});

test('a returned assessment opens with what the TKSK sent before, and nothing invented', async () => {
  const caseId = await registerCase('tksk1');
  await completeOk(caseId, 'asesmen', 'tksk1', { data: asesmenData });
  await completeOk(caseId, 'assessment_approval', 'supervisor1', { outcome: 'return', data: { reason: 'Tujuan rencana belum terukur.' } });
  const returned = await openApiTask(caseId, 'asesmen', 'tksk1');
  expect(returned.context.previous).toEqual(asesmenData);
  await expectFormsFromCase(pages.tksk1, returned.id, 'asesmen', asesmenData);
});

test("the supervisor's escalation form opens empty", async () => {
  // A deadline of two seconds in Tingkir breaches at once (restored right after registering).
  await setSla('asesmen', '33.73.02', 'PT2S');
  let caseId: string;
  try {
    caseId = await registerCase('tksk2');
  } finally {
    await setSla('asesmen', '33.73.02', 'P7D', true);
  }
  const escalation = await waitUntil(
    'the escalation task',
    async () => (await openApiTask(caseId, 'sla_escalation', 'supervisor1').catch(() => undefined)) ?? false,
  );
  await expectFormsFromCase(pages.supervisor1, escalation.id, 'sla_escalation');
});

test('the bimbingan lanjut form opens empty after the aftercare wait', async () => {
  const caseId = await toPendampingan();
  await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('propose_closure', { closureReason: 'goals_met' }));
  // The aftercare wait of Sidorejo is two seconds for this case only (restored right after).
  await setCasePolicy('aftercare_delay', '33.73.01', 'PT2S');
  try {
    await completeOk(caseId, 'closure_approval', 'supervisor1', { outcome: 'approve', data: {} });
  } finally {
    await setCasePolicy('aftercare_delay', '33.73.01', 'P30D');
  }
  const task = await waitUntil(
    'the bimbingan lanjut task',
    async () => (await openApiTask(caseId, 'bimbingan_lanjut', 'tksk1').catch(() => undefined)) ?? false,
  );
  await expectFormsFromCase(pages.tksk1, task.id, 'bimbingan_lanjut');
});

test("the tali asih forms open empty: the TKSK's report (its casework is shown, not written for them), the province's payment issue", async () => {
  // A period no other test uses; past periods are opened by the supervisor (a backfill). tksk2's
  // demo bank account is invalid on purpose, so the approved claim's payment is refused.
  const period = '2025-07';
  const workflowId = `tali-asih-usr_tksk2-${period}`;
  const budget = await call('PUT', '/api/tali-asih/budgets', {
    token: await login('provinsi1'),
    body: { period, fundingSource: 'APBN', allocated: 5_000_000 },
  });
  expect(budget.status).toBe(200);
  const opened = await call('POST', '/api/tali-asih/claims', { token: await login('supervisor1'), body: { tkskId: 'usr_tksk2', period } });
  expect(opened.status).toBe(201);
  const report = await waitUntil('the report task', () => openTaskOf(workflowId, 'tali_asih_report', 'tksk2').catch(() => undefined));
  await expectFormsFromCase(pages.tksk2, report.id, 'tali_asih_report');

  await claimStep(workflowId, 'tali_asih_report', 'tksk2', { data: { narrative: 'Kegiatan bulan Juli di kecamatan Tingkir.' } });
  await claimStep(workflowId, 'tali_asih_verification', 'supervisor1', { outcome: 'approve', data: {} });
  await claimStep(workflowId, 'tali_asih_approval', 'provinsi1', { outcome: 'approve', data: {} });
  const issue = await waitUntil('the payment issue task', () => openTaskOf(workflowId, 'tali_asih_payment_issue', 'provinsi1').catch(() => undefined), 60_000);
  await expectFormsFromCase(pages.provinsi1, issue.id, 'tali_asih_payment_issue');
});

/** The one open task of `type` in a Sembako workflow (a complaint or a distribution period), as `user`. */
async function openSembakoTask(workflowId: string, type: string, user: string) {
  return waitUntil(`the ${type} task`, async () => {
    const filter = encodeURIComponent(JSON.stringify({ workflowId, type, status: 'open' }));
    const r = await call('GET', `/api/tasks?filter=${filter}`, { token: await login(user) });
    return (r.body as { id: string; context: { checklist?: { itemId: string }[] } }[])[0];
  });
}

const completeSembako = async (taskId: string, user: string, body: { outcome?: string; data: Record<string, unknown> }) => {
  const r = await call('POST', `/api/tasks/${taskId}/complete`, { token: await login(user), body });
  expect(r.status).toBe(200);
};

test('the Sembako forms open empty: each step of a complaint, the Tikor meeting, the KPM list check, a monitoring visit, the period report', async () => {
  const filed = await call('POST', '/api/complaints', {
    token: await login('tksk1'),
    body: {
      channel: 'sms_1708',
      category: 'kartu',
      description: 'Saldo KKS kosong padahal tahap ini sudah disalurkan.',
      receivedOn: recentDate(),
      complainant: { name: 'Wahyuni Lestari', isKpm: false },
      subject: { kind: 'umum' },
    },
  });
  expect(filed.status).toBe(201);
  const complaint = `pengaduan-${filed.body.id}`;
  const forward = await openSembakoTask(complaint, 'pengaduan_forward', 'tksk1');
  await expectFormsFromCase(pages.tksk1, forward.id, 'pengaduan_forward');
  await completeSembako(forward.id, 'tksk1', { outcome: 'forward', data: { answerer: { type: 'bank', name: 'BRI Unit Sidorejo' } } });
  const ack = await openSembakoTask(complaint, 'pengaduan_acknowledgement', 'tksk1');
  await expectFormsFromCase(pages.tksk1, ack.id, 'pengaduan_acknowledgement');
  await completeSembako(ack.id, 'tksk1', { outcome: 'acknowledged', data: { acknowledgedOn: recentDate(), contactPerson: 'Petugas CS' } });
  const resolution = await openSembakoTask(complaint, 'pengaduan_resolution', 'tksk1');
  await expectFormsFromCase(pages.tksk1, resolution.id, 'pengaduan_resolution');
  await completeSembako(resolution.id, 'tksk1', {
    outcome: 'resolved',
    data: { resolvedOn: recentDate(), resolution: 'Saldo dipulihkan oleh bank.', evidence: [{ kind: 'tangkapan_layar', reference: 'saldo.png' }] },
  });
  const confirmation = await openSembakoTask(complaint, 'pengaduan_confirmation', 'tksk1');
  await expectFormsFromCase(pages.tksk1, confirmation.id, 'pengaduan_confirmation');

  const opened = await call('POST', '/api/sembako/periods', {
    token: await login('tksk1'),
    body: {
      period: freshPeriod(),
      distributionPoints: [{ pointId: 'ew-forms', name: 'E-Warong Blotongan Makmur', kind: 'e_warong', desaCode: '33.73.01.1001' }],
    },
  });
  expect(opened.status).toBe(201);
  const period: string = opened.body.periodId;
  const tikor = await openSembakoTask(period, 'sembako_tikor_meeting', 'tksk1');
  await expectFormsFromCase(pages.tksk1, tikor.id, 'sembako_tikor_meeting');
  await completeSembako(tikor.id, 'tksk1', {
    data: {
      meetingOn: recentDate(),
      chair: 'Sekcam Sidorejo',
      attendees: [{ role: 'Petugas bank', organisation: 'BRI Unit Sidorejo' }],
      agreements: ['Mulai tanggal 5'],
    },
  });
  // The KPM list check, opened beside the Tikor meeting: its counts feed the report.
  const kpmCheck = await openSembakoTask(period, 'sembako_kpm_check', 'tksk1');
  await expectFormsFromCase(pages.tksk1, kpmCheck.id, 'sembako_kpm_check');
  await completeSembako(kpmCheck.id, 'tksk1', {
    data: { checkedOn: recentDate(), kpmListed: 10, kpmFound: 10, kpmNotFound: 0, problems: { meninggal: 0, pindah: 0, ganda: 0, tidakLayak: 0 } },
  });
  const monitoring = await openSembakoTask(period, 'sembako_monitoring', 'tksk1');
  await expectFormsFromCase(pages.tksk1, monitoring.id, 'sembako_monitoring');
  await completeSembako(monitoring.id, 'tksk1', {
    data: {
      visitedOn: recentDate(),
      results: [{ itemId: monitoring.context.checklist![0].itemId, ok: true }],
      recommendRevocation: false,
      kpmListed: 10,
      kpmServed: 9,
      cardProblems: [],
    },
  });
  const report = await openSembakoTask(period, 'sembako_period_report', 'tksk1');
  await expectFormsFromCase(pages.tksk1, report.id, 'sembako_period_report');
});

test('the yearly TKSK evaluation opens empty for the supervisor and for the Koordinator TKSK', async () => {
  const sql = db();
  const tksk = await signedInTksk('33.73.01');
  // tksk2 is the Koordinator TKSK of the kabupaten for this test: the second appraisal is theirs.
  await sql`INSERT INTO tksk_koordinators (kabupaten_code, user_id) VALUES ('33.73', 'usr_tksk2') ON CONFLICT (kabupaten_code) DO UPDATE SET user_id = 'usr_tksk2'`;
  try {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const recorded = await call('POST', '/api/tksk-assignments', {
      token: await login('supervisor1'),
      body: { userId: tksk.id, skNumber: '466/55/HUK/2026', skDate: yesterday, kecamatanCode: '33.73.01', startDate: today, endDate: today },
    });
    expect(recorded.status).toBe(201);
    const workflowId = `assignment-${tksk.id}`;
    const first = await openSembakoTask(workflowId, 'tksk_evaluation', 'supervisor1');
    await expectEvaluationEmpty(pages.supervisor1, first.id, 'tksk_evaluation');
    const criteria = (first.context as { criteria: { criterionId: string }[] }).criteria;
    await completeSembako(first.id, 'supervisor1', { outcome: 'renew', data: { scores: criteria.map((c) => ({ criterionId: c.criterionId, score: 4 })) } });
    const second = await openSembakoTask(workflowId, 'tksk_evaluation_koordinator', 'tksk2');
    await expectEvaluationEmpty(pages.tksk2, second.id, 'tksk_evaluation_koordinator');
  } finally {
    await sql`DELETE FROM tksk_koordinators WHERE kabupaten_code = '33.73'`;
    await sql.end();
  }
});

/**
 * The appraisal is its own form (admin/src/tkskAssignments/EvaluationForm.tsx: one 1–5 toggle per
 * criterion beside the period's figures, and the outcome as toggles), so it has no named inputs to
 * walk: nothing scored, no outcome chosen, the notes empty (MUI's hidden sizing textarea aside).
 */
async function expectEvaluationEmpty(page: Page, taskId: string, type: string): Promise<void> {
  await go(page, `/tasks/${taskId}/show`);
  const form = page.locator(`[data-testid="complete-task"][data-task-id="${taskId}"]`);
  await form.getByTestId('evaluation-criteria').waitFor();
  const scores = await form.locator('[data-score]').evaluateAll((els) => els.map((e) => e.getAttribute('data-score')));
  expect(scores.length).toBeGreaterThan(1);
  expect(scores.filter((s) => s !== '')).toEqual([]);
  expect(await form.getByTestId('evaluation-outcome').locator('[aria-pressed="true"]').count()).toBe(0);
  expect(
    await form.locator('textarea:not([aria-hidden="true"])').evaluateAll((els) => (els as HTMLTextAreaElement[]).map((e) => e.value).filter((v) => v !== '')),
  ).toEqual([]);
  for (const outcome of types.get(type)!.outcomes) opened.push(`${type}:${outcome}`);
}

test('the koordinasi forms open empty: an action item of a TKSK and of the Dinas, the monthly report narrative', async () => {
  const met = await call('POST', '/api/meetings', {
    token: await login('tksk1'),
    body: {
      level: 'tikor_kecamatan',
      title: 'Rapat Tikor uji formulir',
      heldOn: todayWib(),
      chair: 'Camat Sidorejo',
      agenda: ['Tindak lanjut penyaluran'],
      actionItems: [
        { description: 'Mendata ulang KPM yang pindah', ownerId: 'usr_tksk1', dueWorkingDays: 3 },
        { description: 'Menyurati bank penyalur', ownerId: 'usr_supervisor1', dueWorkingDays: 3 },
      ],
    },
  });
  expect(met.status).toBe(201);
  const [own, dinas] = met.body.actionItems as { task: { id: string } }[];
  await expectFormsFromCase(pages.tksk1, own.task.id, 'koordinasi_tindak_lanjut');
  await expectFormsFromCase(pages.supervisor1, dinas.task.id, 'koordinasi_tindak_lanjut_dinas');

  const period = todayWib().slice(0, 7);
  const report = await call('POST', '/api/monthly-reports', { token: await login('tksk2'), body: { period } });
  expect(report.status).toBe(201);
  const narrative = await openSembakoTask(`laporan-usr_tksk2-${period}`, 'laporan_bulanan_narasi', 'tksk2');
  await expectFormsFromCase(pages.tksk2, narrative.id, 'laporan_bulanan_narasi');
});

test('every task type with a form was opened above, each outcome of it', () => {
  // Approval types are decided with buttons (and a reason dialog), not a form.
  const forms = [...types.values()].filter((t) => !t.outcomes.includes('approve'));
  const expected = forms.flatMap((t) => (t.outcomes.length ? t.outcomes.map((o) => `${t.type}:${o}`) : [t.type]));
  expect([...new Set(opened)].sort()).toEqual(expected.sort());
});
