/**
 * Compliance page e2e against the headless server: configure (client-side validation first),
 * produce a compliance event (an administrator clears a room's history → HISTORYCLEAR), run now,
 * see the status change, find the event in the browser and preview the archive file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_ADMIN_USER } from './support/console-server';

async function snap(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('admin configures compliance, runs it now and finds an event', async ({ page }, testInfo) => {
  const outputDir = mkdtempSync(join(tmpdir(), 'parlance-e2e-compliance-'));
  const suffix = Date.now().toString(36);
  try {
    await page.goto('/');
    await page.getByLabel('User name').fill(E2E_ADMIN_USER);
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Compliance', level: 1 })).toBeVisible();
    const status = page.getByRole('region', { name: /Status/ });
    await expect(status.getByText('Disabled')).toBeVisible();
    await expect(status.getByRole('button', { name: 'Run now' })).toBeDisabled();

    // --- configure: an out-of-range RunInterval and a relative directory are refused inline
    const form = page.getByRole('form', { name: 'Compliance configuration' });
    await form.getByLabel('Compliance enabled').check();
    await form.getByLabel('Run interval (minutes)').fill('0');
    await form.getByLabel('Output directory').fill('relative/path');
    await form.getByRole('button', { name: 'Save configuration' }).click();
    await expect(form.getByText('RunInterval must be at least 1 minute')).toBeVisible();
    await expect(form.getByText('Must be an absolute path')).toBeVisible();
    await form.getByLabel('Run interval (minutes)').fill('60');
    await form.getByLabel('Output directory').fill(outputDir);
    await form.getByLabel('Add user details').check();
    await form.getByRole('button', { name: 'Save configuration' }).click();
    await expect(form.getByRole('status')).toContainText('Saved');
    await expect(status.getByText('Enabled')).toBeVisible();
    await expect(status.getByText(outputDir)).toBeVisible();
    await snap(page, testInfo, 'compliance-01-configured');

    // --- an administrative action that compliance records: clearing a room's history
    const categories = await (await page.request.post('/api/rpc/categories.list', { data: {} })).json();
    let categoryId: string | undefined = categories.value.items[0]?.id;
    if (!categoryId) {
      const created = await (
        await page.request.post('/api/rpc/categories.create', { data: { name: `Compliance ${suffix}` } })
      ).json();
      categoryId = created.value.id;
    }
    const roomName = `audited-${suffix}`;
    const room = await (
      await page.request.post('/api/rpc/rooms.create', { data: { name: roomName, categoryId } })
    ).json();
    expect(room.ok).toBe(true);
    const cleared = await (
      await page.request.post('/api/rpc/rooms.clearHistory', {
        data: { id: room.value.id, until: new Date().toISOString() },
      })
    ).json();
    expect(cleared.ok, JSON.stringify(cleared)).toBe(true);

    // --- run now: the status changes to a succeeded run and the queue drains
    await status.getByRole('button', { name: 'Run now' }).click();
    await expect(status.getByRole('region', { name: 'Last run' })).toContainText('succeeded', { timeout: 20_000 });
    await expect(status.getByRole('region', { name: 'Queue depth' })).toContainText('0');
    await expect(status.getByRole('img', { name: 'Queue depth and events processed per run' })).toBeVisible();
    await snap(page, testInfo, 'compliance-02-after-run');

    // --- find the event
    const events = page.getByRole('region', { name: 'Events' });
    await events.getByLabel('Room').fill(roomName);
    await events.getByLabel('Type').selectOption('HISTORYCLEAR');
    const row = events
      .getByRole('table', { name: 'Compliance events' })
      .getByRole('row')
      .filter({ hasText: 'HISTORYCLEAR' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(roomName);
    await expect(row).toContainText('Batch');
    await expect(events.getByRole('status')).toContainText('1–1 of 1');

    // --- the archive file: listed and previewed (admin events go to the .admin.xml companion)
    const outputs = page.getByRole('region', { name: 'Output files' });
    const file = outputs.getByRole('row').filter({ hasText: '.admin.xml' }).first();
    await expect(file).toBeVisible();
    await file.getByRole('button', { name: /Preview/ }).click();
    const preview = outputs.getByRole('region', { name: /Preview of/ });
    await expect(preview).toContainText('<Conversations');
    await expect(preview).toContainText('type="HISTORYCLEAR"');
    await expect(preview).toContainText(room.value.uri);
    await snap(page, testInfo, 'compliance-03-event-and-preview');

    // leave the shared e2e server as we found it
    await page.request.post('/api/rpc/compliance.updateConfig', { data: { enabled: false } });
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
});
