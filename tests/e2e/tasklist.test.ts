// The tasklist in the portal (decision 0025): a supervisor claims a task offered to the kabupaten,
// a colleague sees who holds it and takes it over with a reason, the history tab tells both in
// words, a comment names a colleague; the "Milik saya" view follows the claim; a filter saved and
// shared with the role is offered to the colleague; and two claims at once: one wins.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { completeOk, openTask as openApiTask } from '../support/casework';
import { asesmenData, call, login, registration } from '../support/stack';
import { go, notified, settled, signIn, uniqueName } from './portal';

let browser: Browser;
let first: Page; // supervisor1, Dewi Lestari
let second: Page; // supervisor2, Agus Prasetyo

beforeAll(async () => {
  browser = await launchChromium();
  first = await signIn(browser, 'supervisor1');
  second = await signIn(browser, 'supervisor2');
});
afterAll(() => browser?.close());

/** An assessment approval waiting for the kabupaten (offered to the role, nobody assigned), for a beneficiary named for this run. */
async function approvalWaiting(firstName: string): Promise<{ taskId: string; name: string }> {
  const name = uniqueName(firstName);
  const created = await call('POST', '/api/cases', {
    token: await login('tksk1'),
    body: registration({ beneficiary: { ...registration().beneficiary, name } }),
  });
  expect(created.status).toBe(201);
  await completeOk(created.body.id, 'asesmen', 'tksk1', { data: asesmenData });
  const task = await openApiTask(created.body.id, 'assessment_approval', 'supervisor1');
  return { taskId: task.id, name };
}

const claimStatus = (page: Page) => page.getByTestId('claim-status');

test('claimed by one supervisor, seen by the other, taken over with a reason; history and comments in words', async () => {
  const { taskId } = await approvalWaiting('Ambil Tugas');

  await go(first, `/tasks/${taskId}/show`);
  await claimStatus(first).getByText('Belum diambil', { exact: false }).waitFor();
  await first.getByTestId('task-claim').click();
  await notified(first, 'Tugas diambil');
  await claimStatus(first).getByText('Anda mengambil tugas ini', { exact: false }).waitFor();

  // The colleague sees who holds it, by name; they cannot claim it, only take it over.
  await go(second, `/tasks/${taskId}/show`);
  await claimStatus(second).getByText('Dewi Lestari', { exact: false }).waitFor();
  await expect(second.getByTestId('task-claim').count()).resolves.toBe(0);
  await second.getByTestId('task-take-over').click();
  const dialog = second.getByTestId('take-over-dialog');
  await dialog.waitFor();
  // The reason is required: without one, the confirm button does nothing.
  await expect(second.getByTestId('take-over-confirm').isDisabled()).resolves.toBe(true);
  await second.getByTestId('take-over-reason').fill('Dewi cuti sampai minggu depan; kasus ini perlu diputuskan hari ini.');
  await second.getByTestId('take-over-confirm').click();
  await notified(second, 'Tugas diambil alih');
  await claimStatus(second).getByText('Anda mengambil tugas ini', { exact: false }).waitFor();

  // The API agrees: supervisor2 holds it, and supervisor1 can no longer complete it.
  const task = await call('GET', `/api/tasks/${taskId}`, { token: await login('supervisor1') });
  expect(task.body.claimedBy).toBe('usr_supervisor2');
  const refused = await call('POST', `/api/tasks/${taskId}/complete`, { token: await login('supervisor1'), body: { outcome: 'approve', data: {} } });
  expect([refused.status, refused.body.code]).toEqual([409, 'task-claimed']);

  // A comment naming the colleague, then the history tab: claimed, taken over (with its reason).
  await second.getByTestId('comment-text').fill('Sudah saya ambil alih.');
  await second.getByTestId('comment-mentions').click();
  await second.getByRole('option', { name: /Dewi Lestari/ }).click();
  await second.keyboard.press('Escape');
  await expect(second.getByTestId('comment-text').inputValue()).resolves.toContain('@Dewi Lestari');
  await second.getByTestId('comment-send').click();
  await second.getByTestId('task-comment').filter({ hasText: 'Sudah saya ambil alih.' }).filter({ hasText: 'Menyebut: Dewi Lestari' }).waitFor();

  await second.getByTestId('tab-history').click();
  await second.getByTestId('history-claimed').filter({ hasText: 'Dewi Lestari' }).waitFor();
  await second.getByTestId('history-taken_over').filter({ hasText: 'Dewi cuti sampai minggu depan' }).filter({ hasText: 'Agus Prasetyo' }).waitFor();
});

test('"Milik saya" follows the claim; a filter saved and shared with the role is offered to the colleague', async () => {
  const { taskId, name } = await approvalWaiting('Tampilan Saya');
  const claimed = await call('POST', `/api/tasks/${taskId}/claim`, { token: await login('supervisor2'), body: {} });
  expect(claimed.status).toBe(200);

  const mine = (page: Page) => page.locator('tbody tr').filter({ hasText: name });
  /** Clicks a view (or a saved filter's chip) and waits for its list to have answered and settled. */
  const show = async (page: Page, view: string, click: () => Promise<void>) => {
    const answered = page.waitForResponse((r) => r.url().includes('/api/tasks?') && decodeURIComponent(r.url()).includes(`"view":"${view}"`));
    await click();
    await answered;
    await settled(page);
  };
  const inView = (page: Page, view: string) => show(page, view, () => go(page, `/tasks?filter=${encodeURIComponent(JSON.stringify({ view }))}`));
  await inView(second, 'mine');
  await mine(second).first().waitFor();
  await inView(first, 'mine');
  await expect(mine(first).count()).resolves.toBe(0);

  // supervisor1 saves the "unassigned in my region" view under a name, shared with the role.
  const filterName = uniqueName('Belum diambil');
  await inView(first, 'unassigned');
  await first.getByTestId('save-filter').click();
  await first.getByTestId('save-filter-name').fill(filterName);
  await first.getByTestId('save-filter-share').check();
  await first.getByTestId('save-filter-confirm').click();
  await notified(first, 'Filter disimpan');
  await first.getByTestId('saved-filter-chip').filter({ hasText: filterName }).waitFor();

  // supervisor2 gets the chip (not theirs to delete), and it applies the same view.
  await second.reload();
  const chip = second.getByTestId('saved-filter-chip').filter({ hasText: filterName });
  await chip.waitFor();
  await expect(chip.locator('.MuiChip-deleteIcon').count()).resolves.toBe(0);
  await show(second, 'unassigned', () => chip.click());
  await expect(second.getByTestId('view-unassigned').getAttribute('aria-selected')).resolves.toBe('true');
  // The claimed task is not unassigned any more.
  await mine(second).first().waitFor({ state: 'detached' });
});

test('two supervisors claim the same task at once: one wins, the other is told who holds it', async () => {
  const { taskId } = await approvalWaiting('Rebutan');
  const [a, b] = await Promise.all(
    ['supervisor1', 'supervisor2'].map(async (u) => call('POST', `/api/tasks/${taskId}/claim`, { token: await login(u), body: {} })),
  );
  expect([a.status, b.status].sort()).toEqual([200, 409]);
  const loser = a.status === 409 ? first : second;
  const winnerName = a.status === 409 ? 'Agus Prasetyo' : 'Dewi Lestari';
  await go(loser, `/tasks/${taskId}/show`);
  await claimStatus(loser).getByText(winnerName, { exact: false }).waitFor();
});
