/**
 * Browser e2e of the channel pages against the headless server: the room inspector showing a
 * message a real SIP client (Digest REGISTER, INVITE, INFO grpchat over TCP) posted a moment
 * before, live participants, paging, search, replace, clear and disable; role, scope and move
 * editors with the server's errors inline; policies, add-ins, groups, chat configuration and the
 * SIP message log. Screenshots are attached.
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

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('User name').fill(E2E_ADMIN_USER);
  await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
}

/** A chat user (password, a per-user policy with EnablePersistentChat) who is a member of a new room. */
async function setUpChatRoom(page: Page, suffix: string) {
  const status = await adminCall(page.request, 'server.status', {});
  const user = `poster-${suffix}`;
  const password = 'poster-password-1';
  const poster = await adminCall(page.request, 'users.create', {
    sipUri: `sip:${user}@${status.domain}`,
    displayName: `Poster ${suffix}`,
    password,
  });
  const policy = await adminCall(page.request, 'policies.create', {
    scope: 'user',
    name: `chat-${suffix}`,
    enablePersistentChat: true,
  });
  await adminCall(page.request, 'users.assignPolicy', { userId: poster.id, policyId: policy.id });
  const category = await adminCall(page.request, 'categories.create', { name: `Channel ${suffix}` });
  const room = await adminCall(page.request, 'rooms.create', {
    name: `ops-${suffix}`,
    categoryId: category.id,
    privacy: 'closed',
  });
  await adminCall(page.request, 'rooms.setRoles', { id: room.id, members: [poster.sipUri] });
  const tcpPort = status.sip?.ports.tcp;
  if (!tcpPort) throw new Error('the headless server runs no SIP TCP listener');
  return { status, user, password, poster, policy, category, room, tcpPort };
}

const clients: SipChatClient[] = [];
test.afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

test('room inspector: a SIP post appears live, with participants, paging, search, replace, clear and disable', async ({
  page,
}, testInfo) => {
  const suffix = Date.now().toString(36);
  await signIn(page);
  const { user, password, poster, room, tcpPort } = await setUpChatRoom(page, suffix);

  // Older history first (over the admin API's own SIP client), so that paging has something to page.
  const sip = await connectChatClient(tcpPort, user, password);
  clients.push(sip);
  expect((await sip.cmd('join', chanid(room.uri))).resp.code).toBe(200);
  for (let i = 1; i <= 27; i += 1) expect(await sip.post(room.uri, `backlog message ${i}`)).toBe(200);
  sip.close();

  // Open the inspector from the room list.
  await nav(page, 'Rooms').click();
  await page.getByRole('link', { name: `Inspect ${room.name}` }).click();
  await expect(page.getByRole('heading', { name: room.name, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/rooms/${room.id}$`));
  const history = page.getByRole('list', { name: 'Room history' });
  await expect(history.getByText('backlog message 27')).toBeVisible();
  await expect(history.getByText('backlog message 1', { exact: true })).toHaveCount(0);
  const participants = page.getByRole('region', { name: /Participants online/ });
  await expect(participants).toContainText('Nobody is in the room');

  // A SIP client joins (live participant) and posts: the message shows up without a reload.
  const live = await connectChatClient(tcpPort, user, password);
  clients.push(live);
  expect((await live.cmd('join', chanid(room.uri))).resp.code).toBe(200);
  await expect(participants.getByRole('list', { name: 'Participants' })).toContainText(poster.sipUri);
  const text = `Deploy window opens at 14:00 (${suffix})`;
  expect(await live.post(room.uri, text)).toBe(200);
  await expect(history.getByText(text)).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('region', { name: 'Messages' })).toContainText('28');
  await snap(page, testInfo, 'channel-01-inspector-sip-post');

  // Paging: older messages on demand.
  await page.getByRole('button', { name: 'Load older messages' }).click();
  await expect(history.getByText('backlog message 1', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load older messages' })).toHaveCount(0);

  // Search in the room.
  const search = page.getByRole('search', { name: 'Search messages' });
  await search.getByLabel('Words', { exact: true }).fill('deploy window');
  await search.getByRole('button', { name: 'Search' }).click();
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByText(text)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Search this room' }).getByRole('status')).toContainText('1 message');

  // Replace that message with the default text (confirmation step first).
  await history.getByRole('button', { name: 'Remove or replace message 28' }).click();
  let dialog = page.getByRole('dialog', { name: 'Remove or replace message #28' });
  await expect(dialog.getByLabel('Replacement text')).toHaveValue('This message was removed by an administrator.');
  await dialog.getByRole('button', { name: 'Review…' }).click();
  dialog = page.getByRole('dialog', { name: 'Confirm moderation' });
  await expect(dialog).toContainText(`author ${poster.sipUri}`);
  await snap(page, testInfo, 'channel-02-confirm-replace');
  await dialog.getByRole('button', { name: 'Replace messages' }).click();
  dialog = page.getByRole('dialog', { name: 'Remove or replace message #28' });
  await expect(dialog.getByRole('status')).toContainText('Replaced 1 message');
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(history.getByText(text)).toHaveCount(0);
  await expect(history.getByText('This message was removed by an administrator.')).toBeVisible();

  // Remove by criteria: keywords, any word.
  await page.getByRole('button', { name: 'Remove or replace messages…' }).click();
  dialog = page.getByRole('dialog', { name: 'Remove or replace messages' });
  await dialog.getByRole('button', { name: 'Review…' }).click();
  await expect(dialog.getByText('Give at least one criterion')).toBeVisible();
  await dialog.getByLabel('Keywords').fill('"backlog message 2"');
  await dialog.getByLabel('Keywords').fill('message 26');
  await dialog.getByLabel('Match').selectOption('exact');
  await dialog.getByLabel('Remove (no placeholder)').check();
  await dialog.getByRole('button', { name: 'Review…' }).click();
  dialog = page.getByRole('dialog', { name: 'Confirm moderation' });
  await dialog.getByRole('button', { name: 'Remove messages' }).click();
  dialog = page.getByRole('dialog', { name: 'Remove or replace messages' });
  await expect(dialog.getByRole('status')).toContainText('Removed 1 message');
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(history.getByText('backlog message 26')).toHaveCount(0);
  await expect(history.getByText('backlog message 25')).toBeVisible();

  // Clear the history up to now.
  await page.getByRole('button', { name: 'Clear history…' }).click();
  dialog = page.getByRole('dialog', { name: `Clear history of ${room.name}` });
  await expect(dialog).toContainText('27 messages in total');
  await dialog.getByRole('button', { name: 'Clear history' }).click();
  dialog = page.getByRole('dialog', { name: 'History cleared' });
  await expect(dialog.getByRole('status')).toContainText('Removed 27 messages');
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(page.getByRole('region', { name: 'Recent history' })).toContainText('No messages in this room.');

  // Disable: everyone is disconnected (the participant goes), then enable again.
  await page.getByRole('button', { name: 'Disable room' }).click();
  dialog = page.getByRole('dialog', { name: `Disable ${room.name}` });
  await dialog.getByRole('button', { name: 'Disable room' }).click();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Disabled');
  await expect(participants).toContainText('Nobody is in the room', { timeout: 5_000 });
  await snap(page, testInfo, 'channel-03-inspector-disabled');
  await page.getByRole('button', { name: 'Enable room' }).click();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Enabled');
});
