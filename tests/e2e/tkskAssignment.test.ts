// TKSK assignments in the portal (docs/tksk-assignment.md): the two appraisers complete a yearly
// evaluation on its task page (scores beside the period's figures, outcome), the roster and the
// TKSK's timeline show people and kecamatan by name, never by code.
import type { Browser, Page } from 'playwright-core';
import { waitUntil } from '../support/casework';
import { launchChromium } from '../support/chromium';
import { call, login, signedInTksk } from '../support/stack';
import { go, notified, shot, signIn, todayWib, uniqueName } from './portal';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

async function openEvaluation(
  userId: string,
  submittedBy: string | null,
): Promise<{ id: string; context: { criteria: { criterionId: string; label: string }[] } }> {
  return waitUntil('the evaluation task', async () => {
    const r = await call('GET', `/api/tasks?filter=${q({ workflowId: `assignment-${userId}`, status: 'open', type: 'tksk_evaluation' })}`, {
      token: await login('supervisor1'),
    });
    return (r.body as { id: string; submittedBy: string | null; context: any }[]).find((t) => t.submittedBy === submittedBy);
  });
}

/** The appraiser's form: a score per criterion (its figure read-only beside it), the outcome, then submit. */
async function appraise(page: Page, task: { id: string; context: { criteria: { criterionId: string; label: string }[] } }, score: number) {
  await go(page, `/tasks/${task.id}/show`);
  const form = page.getByTestId('task-form');
  await form.waitFor();
  // Nothing is scored for the appraiser.
  for (const c of task.context.criteria) expect(await page.getByTestId(`score-${c.criterionId}`).getAttribute('data-score')).toBe('');
  await expect(page.getByTestId('evaluation-criteria').innerText()).resolves.toContain(task.context.criteria[0].label);
  for (const c of task.context.criteria) await page.getByRole('button', { name: `${c.label}: ${score}`, exact: true }).click();
  await page.getByTestId('evaluation-outcome').getByRole('button', { name: 'Perpanjang', exact: true }).click();
  await page.getByRole('button', { name: 'Selesaikan' }).click();
  await notified(page, /selesai|berhasil/i);
}

test('two appraisers renew a TKSK through the portal; the roster and timeline show names, not codes', async () => {
  const name = uniqueName('Hartono');
  const tksk = await signedInTksk('33.73.01', { displayName: name });
  // A period that starts and ends today: its evaluation opens at once, on any date.
  const recorded = await call('POST', '/api/tksk-assignments', {
    token: await login('supervisor1'),
    body: { userId: tksk.id, skNumber: '466/E2E/HUK', skDate: todayWib(), kecamatanCode: '33.73.01', startDate: todayWib(), endDate: todayWib() },
  });
  expect(recorded.status).toBe(201);

  const first = await signIn(browser, 'supervisor1');
  const firstTask = await openEvaluation(tksk.id, tksk.id);
  await go(first, `/tasks/${firstTask.id}/show`);
  // Who is appraised, by name, and the kecamatan by name.
  await first.getByTestId('evaluation-subject').getByText(name).waitFor();
  await expect(first.getByTestId('evaluation-subject').innerText()).resolves.toContain('Sidorejo');
  await appraise(first, firstTask, 4);

  const second = await signIn(browser, 'supervisor2');
  const secondTask = await openEvaluation(tksk.id, 'usr_supervisor1');
  await appraise(second, secondTask, 5);

  await waitUntil('renewed', async () => {
    const r = await call('GET', `/api/tksk-assignments/${tksk.id}`, { token: await login('supervisor1') });
    return r.body.status === 'renewed';
  });

  // The TKSK's page: the evaluation with both appraisers by name, the timeline in words.
  await go(first, `/tksk-assignments/${tksk.id}/show`);
  const summary = first.getByTestId('assignment-summary');
  await summary.getByText(name).waitFor();
  const evaluation = first.getByTestId('evaluation');
  await evaluation.getByText('Dewi Lestari (Dinsos Kota Salatiga)').first().waitFor();
  await evaluation.getByText('Agus Prasetyo (Dinsos Kota Salatiga)').first().waitFor();
  const timeline = first.getByTestId('assignment-timeline');
  await timeline.getByText('Evaluasi tahunan dibuka').waitFor();
  await timeline.getByText('Diperpanjang', { exact: true }).waitFor();
  const timelineText = await timeline.innerText();
  expect(timelineText).not.toMatch(/usr_|tksk_assignment\./);
  await shot(first, 'tksk-assignment-timeline', { fullPage: true });

  // The roster of Kota Salatiga: the TKSK by name with the kecamatan's name.
  await go(first, `/tksk-assignments?filter=${q({ kabupatenCode: '33.73' })}`);
  const row = first.getByTestId('roster').locator('tbody tr').filter({ hasText: name });
  await row.waitFor();
  const rowText = await row.innerText();
  expect(rowText).toContain('Sidorejo');
  expect(rowText).not.toContain(tksk.id);
  expect(rowText).not.toContain('33.73.01');
  await first.getByTestId('vacancies').waitFor();
  await first.context().close();
  await second.context().close();
}, 240_000);
