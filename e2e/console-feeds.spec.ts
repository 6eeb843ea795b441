/**
 * Browser e2e of the Topic feeds panel (Users & Policies) against the headless server: an
 * administrator creates a keyword feed for a user, a real SIP client posts a matching message,
 * the panel's count rises live (feed.counts.changed), the matches dialog shows the post and
 * marking it seen brings the count back to 0. The built-in mentions feed has no edit/delete.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { adminCall } from './support/admin-api';
import { E2E_ADMIN_PASSWORD, E2E_ADMIN_USER } from './support/console-server';
import { chanid, connectChatClient, type SipChatClient } from './support/sip-chat';

async function snap(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('User name').fill(E2E_ADMIN_USER);
  await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
}

const clients: SipChatClient[] = [];
test.afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

test('topic feeds: create a feed, a SIP post raises its count, matches, mark seen', async ({ page }, testInfo) => {
  const suffix = Date.now().toString(36);
  await signIn(page);
  const status = await adminCall(page.request, 'server.status', {});
  const tcpPort = status.sip?.ports.tcp;
  if (!tcpPort) throw new Error('the headless server runs no SIP TCP listener');
  const password = 'feeds-password-1';
  const policy = await adminCall(page.request, 'policies.create', {
    scope: 'user',
    name: `feeds-${suffix}`,
    enablePersistentChat: true,
  });
  const [poster, reader] = await Promise.all(
    ['poster', 'reader'].map((who) =>
      adminCall(page.request, 'users.create', {
        sipUri: `sip:feed${who}-${suffix}@${status.domain}`,
        displayName: `Feed ${who} ${suffix}`,
        password,
      }),
    ),
  );
  for (const u of [poster!, reader!]) {
    await adminCall(page.request, 'users.assignPolicy', { userId: u.id, policyId: policy.id });
  }
  const category = await adminCall(page.request, 'categories.create', { name: `Feeds ${suffix}` });
  const room = await adminCall(page.request, 'rooms.create', {
    name: `feeds-${suffix}`,
    categoryId: category.id,
    privacy: 'open',
  });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users & Policies' }).click();
  const panel = page.getByRole('region', { name: 'Topic feeds' });
  await panel
    .getByLabel('Show topic feeds of', { exact: true })
    .selectOption({ label: `${reader!.displayName} (${reader!.sipUri})` });
  const table = panel.getByRole('table', { name: `Topic feeds of ${reader!.sipUri}` });
  await expect(table.getByRole('row', { name: /Mentions of me/ })).toBeVisible();
  // The built-in feed can be read and marked, never edited or deleted.
  await expect(table.getByRole('button', { name: 'Matches of Mentions of me' })).toBeVisible();
  await expect(table.getByRole('button', { name: 'Edit Mentions of me' })).toHaveCount(0);
  await expect(table.getByRole('button', { name: 'Delete Mentions of me' })).toHaveCount(0);

  // Create: a blank keyword list is refused inline, then the feed is created.
  await panel.getByRole('button', { name: 'New topic feed' }).click();
  const dialog = page.getByRole('dialog', { name: `New topic feed for ${reader!.displayName}` });
  await dialog.getByLabel('Name').fill('Outages');
  await dialog.getByRole('button', { name: 'Create feed' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Keywords are required');
  await dialog.getByLabel('Keywords').fill('outage failover');
  await dialog.getByLabel('Match').selectOption('any');
  await dialog.getByRole('checkbox', { name: room.name }).check();
  await dialog.getByRole('button', { name: 'Create feed' }).click();
  await expect(dialog).toBeHidden();
  const row = table.getByRole('row', { name: /Outages/ });
  await expect(row).toContainText('Any word');
  await expect(row).toContainText(room.name);
  const count = row.getByLabel('New matches of Outages');
  await expect(count).toHaveText('0');

  // A real SIP client posts two matching messages and one that is not; the count rises live.
  const sip = await connectChatClient(tcpPort, `feedposter-${suffix}`, password);
  clients.push(sip);
  expect((await sip.cmd('join', chanid(room.uri))).resp.code).toBe(200);
  expect(await sip.post(room.uri, 'storage outage in rack 7')).toBe(200);
  expect(await sip.post(room.uri, 'coffee machine is back')).toBe(200);
  expect(await sip.post(room.uri, 'failover done, watching')).toBe(200);
  await expect(count).toHaveText('2');

  await row.getByRole('button', { name: 'Matches of Outages' }).click();
  const matches = page.getByRole('dialog', { name: 'Matches of Outages' });
  const items = matches.getByRole('list', { name: 'Matches' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('failover done, watching');
  await expect(items.nth(0)).toContainText('New');
  await expect(items.nth(1)).toContainText('storage outage in rack 7');
  await expect(items.nth(0)).toContainText(room.name);
  await snap(page, testInfo, 'topic-feed-matches');
  await matches.getByRole('button', { name: 'Mark seen' }).click();
  await expect(matches.getByText('New', { exact: true })).toHaveCount(0);
  await matches.getByRole('button', { name: 'Close' }).first().click();
  await expect(count).toHaveText('0');

  // Edit, then a mention of the reader counts in the built-in feed.
  await row.getByRole('button', { name: 'Edit Outages' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit topic feed Outages' });
  await edit.getByLabel('Name').fill('Outages EU');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  expect(await sip.post(room.uri, `${reader!.displayName}, please check`)).toBe(200);
  await expect(table.getByLabel('New matches of Mentions of me')).toHaveText('1');
  await snap(page, testInfo, 'topic-feeds-panel');

  await table.getByRole('button', { name: 'Delete Outages EU' }).click();
  await page.getByRole('dialog', { name: 'Delete topic feed' }).getByRole('button', { name: 'Delete feed' }).click();
  await expect(table.getByRole('row', { name: /Outages EU/ })).toHaveCount(0);
});
