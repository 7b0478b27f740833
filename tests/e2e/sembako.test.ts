// Program Sembako in the portal: the TKSK's monitoring visit on a 390×844 phone (a checklist of
// large toggles that starts unanswered and names what is missing), with the answer checked
// through the API.
import type { Browser, Page } from 'playwright-core';
import { recentDate, waitUntil } from '../support/casework';
import { launchChromium } from '../support/chromium';
import { freshPeriod } from '../support/sembako';
import { call, login } from '../support/stack';
import { fillDate, go, notified, PHONE, shot, signIn } from './portal';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

interface ApiTask {
  id: string;
  status: string;
  data: Record<string, unknown> | null;
  context: { checklist: { itemId: string; label: string }[] };
}

async function openTask(workflowId: string, type: string, user: string): Promise<ApiTask> {
  return waitUntil(`the ${type} task`, async () => {
    const filter = encodeURIComponent(JSON.stringify({ workflowId, type, status: 'open' }));
    const r = await call('GET', `/api/tasks?filter=${filter}`, { token: await login(user) });
    return (r.body as ApiTask[])[0];
  });
}

/** Nothing wider than the phone's screen. */
async function fitsWidth(page: Page): Promise<void> {
  await page.waitForFunction((max) => document.documentElement.scrollWidth <= max, PHONE.width, { timeout: 5_000 }).catch(() => undefined);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

test('a TKSK records a monitoring visit on a 390×844 phone: the form starts empty and names what is unanswered', async () => {
  const opened = await call('POST', '/api/sembako/periods', {
    token: await login('tksk1'),
    body: {
      period: freshPeriod(),
      distributionPoints: [{ pointId: 'ew-telepon', name: 'E-Warong Sido Makmur', kind: 'e_warong', desaCode: '33.73.01.1001' }],
    },
  });
  expect(opened.status).toBe(201);
  const periodId: string = opened.body.periodId;
  const tikor = await openTask(periodId, 'sembako_tikor_meeting', 'tksk1');
  const done = await call('POST', `/api/tasks/${tikor.id}/complete`, {
    token: await login('tksk1'),
    body: {
      data: {
        meetingOn: recentDate(),
        chair: 'Sekcam Sidorejo',
        attendees: [{ role: 'Petugas bank', organisation: 'BRI Unit Sidorejo' }],
        agreements: ['Mulai tanggal 5'],
      },
    },
  });
  expect(done.status).toBe(200);
  const task = await openTask(periodId, 'sembako_monitoring', 'tksk1');
  const checklist = task.context.checklist;
  expect(checklist.length).toBeGreaterThan(1);

  const page = await signIn(browser, 'tksk1', PHONE);
  await go(page, `/tasks/${task.id}/show`);
  const form = page.getByTestId('task-form');
  await form.waitFor();
  // The desa's name arrives with its own lookup (GET /api/regions): wait for it rather than read once.
  await page.getByTestId('monitoring-point').filter({ hasText: 'Blotongan' }).waitFor();
  await expect(page.getByTestId('monitoring-point').textContent()).resolves.toMatch(/E-Warong Sido Makmur.*E-warong.*Blotongan/);
  await fitsWidth(page);

  // Nothing answered for the TKSK: every toggle unanswered, every field empty.
  for (const item of checklist) await expect(page.getByTestId(`item-${item.itemId}`).getAttribute('data-answer')).resolves.toBe('');
  await expect(page.getByTestId('recommend-revocation').getAttribute('data-answer')).resolves.toBe('');
  for (const name of ['data.visitedOn', 'data.kpmListed', 'data.kpmServed', 'data.kendala']) {
    await expect(form.locator(`[name="${name}"]`).first().inputValue()).resolves.toBe('');
  }
  await expect(form.locator('input[name="data.kpmListed"]').getAttribute('inputmode')).resolves.toBe('numeric');
  // The toggles are large enough to tap.
  const box = await page.getByTestId(`item-${checklist[0].itemId}`).getByRole('button', { name: 'Sesuai', exact: true }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);

  // Everything but the first checklist item; the last one is "Tidak sesuai" with a note.
  await fillDate(page, 'data.visitedOn', recentDate());
  await form.locator('input[name="data.kpmListed"]').fill('40');
  await form.locator('input[name="data.kpmServed"]').fill('37');
  const [first, ...rest] = checklist;
  const last = rest[rest.length - 1];
  for (const item of rest) {
    await page
      .getByTestId(`item-${item.itemId}`)
      .getByRole('button', { name: item === last ? 'Tidak sesuai' : 'Sesuai', exact: true })
      .click();
  }
  const lastIndex = checklist.indexOf(last);
  await form.locator(`textarea[name="data.results.${lastIndex}.note"]`).fill('Harga beras di atas harga pasar.');
  await page.getByRole('button', { name: 'Tambah' }).click();
  await choose(page, 'data.cardProblems.0.bank', 'BRI');
  await choose(page, 'data.cardProblems.0.kind', 'Saldo kosong');
  await form.locator('input[name="data.cardProblems.0.count"]').fill('2');
  await page.getByTestId('recommend-revocation').getByRole('button', { name: 'Tidak', exact: true }).click();
  await fitsWidth(page);

  await page.getByRole('button', { name: 'Selesaikan' }).click();
  const missing = page.getByTestId('missing-answers');
  await missing.waitFor();
  expect(await missing.locator('li').allTextContents()).toEqual([first.label]);
  expect((await call('GET', `/api/tasks/${task.id}`, { token: await login('tksk1') })).body.status).toBe('open');
  await shot(page, 'phone-sembako-monitoring', { top: page.getByTestId('monitoring-point') });

  await page.getByTestId(`item-${first.itemId}`).getByRole('button', { name: 'Sesuai', exact: true }).click();
  await page.getByRole('button', { name: 'Selesaikan' }).click();
  await notified(page, 'Tugas diselesaikan');
  await page.getByTestId('next-step').waitFor();
  await fitsWidth(page);

  const stored = (await call('GET', `/api/tasks/${task.id}`, { token: await login('tksk1') })).body as ApiTask;
  expect(stored.status).toBe('completed');
  expect(stored.data).toEqual({
    visitedOn: recentDate(),
    kpmListed: 40,
    kpmServed: 37,
    results: checklist.map((item) =>
      item === last ? { itemId: item.itemId, ok: false, note: 'Harga beras di atas harga pasar.' } : { itemId: item.itemId, ok: true },
    ),
    cardProblems: [{ bank: 'BRI', kind: 'saldo_kosong', count: 2 }],
    recommendRevocation: false,
  });
  await page.context().close();
});

/** A react-admin SelectInput by its form name: open it and pick the option. */
async function choose(page: Page, name: string, option: string): Promise<void> {
  await page.locator(`input[name="${name}"]`).locator('xpath=..').locator('[role="combobox"]').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
