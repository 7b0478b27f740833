// Sembako complaints (pengaduan) in the portal: the kabupaten supervisor takes one in through the
// form (a KPM id that is not in the register comes back from the API as an error on that field),
// finds it on the board in its status column in words, opens it and adds a note that shows in its
// history; a TKSK reads the board on a 390×844 phone without scrolling sideways.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { recentDate, waitUntil } from '../support/casework';
import { launchChromium } from '../support/chromium';
import { call, login } from '../support/stack';
import { choose, fillDate, go, listFilteredTo, menuTexts, notified, PHONE, shot, signIn } from './portal';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const numberOf = (id: string) => `PGD-${id.slice(0, 8).toUpperCase()}`;

/** Nothing wider than the phone's screen. */
async function fitsWidth(page: Page): Promise<void> {
  await page.waitForFunction((max) => document.documentElement.scrollWidth <= max, PHONE.width, { timeout: 5_000 }).catch(() => undefined);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

test('a supervisor files a complaint through the form, finds it on the board in words, opens it and adds a note', async () => {
  const page = await signIn(browser, 'supervisor1');
  expect(await menuTexts(page)).toContain('Pengaduan');
  await page.getByRole('menuitem', { name: 'Pengaduan' }).click();
  await page.getByTestId('complaint-board').waitFor();
  await page.getByTestId('complaint-create').click();
  await page.getByTestId('complaint-form').waitFor();

  // The form starts empty.
  for (const name of ['description', 'receivedOn', 'complainant.name', 'complainant.phone']) {
    await expect(page.locator(`[name="${name}"]`).first().inputValue()).resolves.toBe('');
  }

  const description = `Harga beras di e-warong lebih mahal dari HET (${randomUUID().slice(0, 8)}).`;
  await choose(page, /^Kecamatan/, /Sidorejo/);
  await choose(page, /^Saluran/, 'Telepon');
  await choose(page, /^Kategori/, 'Tepat harga');
  await fillDate(page, 'receivedOn', recentDate());
  await page.locator('textarea[name="description"]').fill(description);
  await page.locator('input[name="complainant.phone"]').fill('081234567890');

  // A KPM id that is not in Sidorejo's register: the API's 422 lands on that field.
  await page.getByRole('radio', { name: 'KPM', exact: true }).check();
  await page.locator('input[name="subject.kpmId"]').fill(randomUUID());
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.locator('input[name="subject.kpmId"][aria-invalid="true"]').waitFor();
  expect(page.url()).toMatch(/#\/complaints\/create/);

  // About the programme in general instead: recorded, and its page opens.
  await page.getByRole('radio', { name: 'Program secara umum', exact: true }).check();
  await page.getByRole('button', { name: 'Simpan' }).click();
  await notified(page, 'Pengaduan dicatat');
  await page.waitForURL(/#\/complaints\/[0-9a-f-]{36}\/show/, { timeout: 30_000 });
  const id = /#\/complaints\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
  const created = await call('GET', `/api/complaints/${id}`, { token: await login('supervisor1') });
  expect(created.body).toMatchObject({ status: 'forwarding', category: 'tepat_harga', channel: 'telepon', kecamatanCode: '33.73.01', description });
  expect(created.body.complainant).toMatchObject({ name: null, phone: '081234567890' });

  // On the board: in the "to be forwarded" column, with words, not codes.
  await go(page, '/complaints');
  const column = page.getByTestId('board-column-forwarding');
  await column.getByRole('heading', { name: /^Perlu diteruskan/ }).waitFor();
  const card = column.locator(`[data-testid="complaint-card"][data-id="${id}"]`);
  await card.waitFor();
  const cardText = await card.innerText();
  expect(cardText).toContain(numberOf(id));
  expect(cardText).toContain('Tepat harga');
  expect(cardText).toContain('Sidorejo');
  expect(cardText).toContain('Penjawab belum ditentukan');
  expect(cardText).toMatch(/\d+ hari/);
  expect(cardText).not.toMatch(/tepat_harga|forwarding/);
  await shot(page, 'complaint-board', { doc: true });

  // Its page: fields in words, its first task linked, then a note that shows in the history.
  await card.click();
  await page
    .getByTestId('complaint-heading')
    .filter({ hasText: numberOf(id) })
    .waitFor();
  await expect(page.getByTestId('complaint-status').innerText()).resolves.toBe('Perlu diteruskan');
  await expect(page.getByTestId('complaint-category').innerText()).resolves.toBe('Tepat harga');
  await expect(page.getByTestId('complaint-channel').innerText()).resolves.toBe('Telepon');
  const taskLink = page.getByTestId('complaint-tasks').getByRole('link').first();
  await expect(taskLink.getAttribute('href')).resolves.toMatch(/#\/tasks\/[^/]+\/show$/);
  await page.getByTestId('complaint-history').getByText('Pengaduan diterima').waitFor();

  const note = `Pengadu dihubungi kembali lewat telepon ${randomUUID().slice(0, 6)}.`;
  await page.getByTestId('complaint-note').click();
  const dialog = page.getByTestId('dialog-note');
  await dialog.getByRole('textbox', { name: /Catatan/ }).fill(note);
  await dialog.getByRole('button', { name: 'Catatan', exact: true }).click();
  await notified(page, 'Catatan ditambahkan');
  await waitUntil('the note in the complaint history', async () => {
    if (await page.getByTestId('complaint-history').getByText(note).isVisible()) return true;
    await page.reload();
    await page.getByTestId('complaint-heading').waitFor();
    return page.getByTestId('complaint-history').getByText(note).isVisible();
  });
  const row = page.getByTestId('complaint-history').getByRole('row').filter({ hasText: note });
  await expect(row.innerText()).resolves.toContain('Catatan');

  // The plain list, filtered by status: only complaints to be forwarded, this one among them.
  await go(page, '/complaints');
  await page.getByTestId('view-list').click();
  await choose(page, /^Status/, 'Perlu diteruskan');
  await listFilteredTo(page, 'forwarding', 'Perlu diteruskan');
  await page
    .locator('tbody tr')
    .filter({ hasText: numberOf(id) })
    .filter({ hasText: 'Tepat harga' })
    .waitFor();
  await page.context().close();
});

test('a TKSK reads the complaint board on a 390×844 phone without scrolling sideways', async () => {
  const filed = await call('POST', '/api/complaints', {
    token: await login('tksk1'),
    body: {
      channel: 'sms_1708',
      category: 'kartu',
      description: 'KKS tidak terbaca di mesin EDC agen sejak bulan lalu.',
      receivedOn: recentDate(),
      complainant: {},
      subject: { kind: 'umum' },
    },
  });
  expect(filed.status).toBe(201);
  const id: string = filed.body.id;

  const page = await signIn(browser, 'tksk1', PHONE);
  expect(await menuTexts(page)).toContain('Pengaduan');
  await go(page, '/complaints');
  const board = page.getByTestId('complaint-board');
  await board.waitFor();
  const card = board.locator(`[data-testid="complaint-card"][data-id="${id}"]`);
  await card.waitFor();
  await expect(card.innerText()).resolves.toContain('Masalah kartu (KKS)');
  await fitsWidth(page);
  // The columns stack: each as wide as the screen allows, none beside another.
  const boxes = await Promise.all(['forwarding', 'closed'].map((s) => page.getByTestId(`board-column-${s}`).boundingBox()));
  expect(boxes[0]!.x).toBe(boxes[1]!.x);
  expect(boxes[0]!.x + boxes[0]!.width).toBeLessThanOrEqual(PHONE.width);
  await shot(page, 'complaint-board-phone');
  await page.context().close();
});
