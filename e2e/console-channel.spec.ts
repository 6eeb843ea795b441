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

test('roles, scope and move; groups, add-ins, policies, chat configuration and SIP messages', async ({
  page,
}, testInfo) => {
  const suffix = Date.now().toString(36);
  await signIn(page);
  const { status, user, password, poster, category, room, tcpPort } = await setUpChatRoom(page, suffix);
  const other = await adminCall(page.request, 'users.create', {
    sipUri: `sip:other-${suffix}@${status.domain}`,
    displayName: `Other ${suffix}`,
    password: 'other-password-1',
  });

  // --- groups: a named set of users
  await nav(page, 'Groups').click();
  await page.getByRole('button', { name: 'New group' }).click();
  let dialog = page.getByRole('dialog', { name: 'New group' });
  await dialog.getByLabel('Name').fill(`Traders ${suffix}`);
  await dialog.getByLabel('Add to Members').fill(`Other ${suffix} (${other.sipUri})`);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByRole('list', { name: 'Members entries' })).toContainText(`Other ${suffix}`);
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect(dialog).toBeHidden();
  const groupRow = page
    .getByRole('table', { name: 'Groups' })
    .getByRole('row')
    .filter({ hasText: `Traders ${suffix}` });
  await expect(groupRow).toContainText(other.sipUri);
  await snap(page, testInfo, 'channel-10-groups');

  // --- room roles: a presenter who is not a member is refused inline; then fixed
  await nav(page, 'Rooms').click();
  await page.getByRole('button', { name: `Roles of ${room.name}` }).click();
  dialog = page.getByRole('dialog', { name: `Roles of ${room.name}` });
  await expect(dialog.getByRole('list', { name: 'Members entries' })).toContainText(poster.sipUri);
  await dialog.getByLabel('Add to Presenters').fill(other.sipUri);
  await dialog.getByLabel('Add to Presenters').press('Enter');
  await dialog.getByLabel('Add to Managers').fill(`Group: Traders ${suffix}`);
  await dialog.getByLabel('Add to Managers').press('Enter');
  await dialog.getByRole('button', { name: 'Save roles' }).click();
  await expect(dialog.getByRole('group', { name: 'Presenters' }).getByRole('alert')).toContainText(
    'must also be members',
  );
  await snap(page, testInfo, 'channel-11-presenter-not-member');
  await dialog.getByLabel('Add to Members').fill(other.sipUri);
  await dialog.getByLabel('Add to Members').press('Enter');
  await dialog.getByRole('button', { name: 'Save roles' }).click();
  await expect(dialog).toBeHidden();

  // --- filters like Get-CsPersistentChatRoom: by member and by manager
  const filters = page.getByRole('search', { name: 'Filter rooms' });
  const roomsTable = page.getByRole('table', { name: 'Rooms' });
  await filters.getByLabel('Member').fill(other.sipUri);
  await expect(roomsTable.getByRole('row').filter({ hasText: room.name })).toBeVisible();
  await filters.getByLabel('Member').fill(`sip:nobody-${suffix}@`);
  await expect(roomsTable).toContainText('No rooms match the filters.');
  await filters.getByLabel('Member').fill('');
  await filters.getByLabel('Manager').fill('group:');
  await expect(roomsTable.getByRole('row').filter({ hasText: room.name })).toBeVisible();
  await filters.getByLabel('Manager').fill('');

  // --- category scope: allowed members, denied members, creators
  const target = await adminCall(page.request, 'categories.create', { name: `Walled ${suffix}` });
  await nav(page, 'Categories').click();
  await page.getByRole('button', { name: `Scope of ${target.name}` }).click();
  dialog = page.getByRole('dialog', { name: `Scope of ${target.name}` });
  await dialog.getByLabel('Add to Allowed members').fill(`domain:${status.domain}`);
  await dialog.getByLabel('Add to Allowed members').press('Enter');
  await dialog.getByLabel('Add to Denied members').fill(other.sipUri);
  await dialog.getByLabel('Add to Denied members').press('Enter');
  await dialog.getByLabel('Add to Creators').fill(poster.sipUri);
  await dialog.getByLabel('Add to Creators').press('Enter');
  await snap(page, testInfo, 'channel-12-scope-editor');
  await dialog.getByRole('button', { name: 'Save scope' }).click();
  await expect(dialog).toBeHidden();
  const scope = await adminCall(page.request, 'categories.getScope', { id: target.id });
  expect(scope).toEqual({
    allowedMembers: [`domain:${status.domain}`],
    deniedMembers: [other.sipUri],
    creators: [poster.sipUri],
  });

  // --- move the room into the walled category: the denied user would be purged (preview), and is
  await nav(page, 'Rooms').click();
  await page.getByRole('button', { name: `Move ${room.name}` }).click();
  dialog = page.getByRole('dialog', { name: `Move ${room.name}` });
  await dialog.getByLabel('New category').selectOption({ label: target.name });
  const preview = dialog.getByRole('region', { name: 'Purge preview' });
  await expect(preview).toContainText(other.sipUri);
  await expect(preview).not.toContainText(poster.sipUri);
  await snap(page, testInfo, 'channel-13-move-preview');
  await dialog.getByRole('button', { name: 'Move room' }).click();
  dialog = page.getByRole('dialog', { name: `Moved ${room.name}` });
  await expect(dialog.getByRole('list', { name: 'Role entries purged' })).toContainText(other.sipUri);
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(roomsTable.getByRole('row').filter({ hasText: room.name })).toContainText(target.name);
  const roles = await adminCall(page.request, 'rooms.getRoles', { id: room.id });
  expect(roles.members).toEqual([poster.sipUri]);
  expect(category.id).not.toBe(target.id);

  // --- add-ins: register one, attach it in the inspector, see the room on the add-ins page
  await nav(page, 'Add-ins').click();
  await page.getByRole('button', { name: 'New add-in' }).click();
  dialog = page.getByRole('dialog', { name: 'New add-in' });
  await dialog.getByLabel('Name').fill(`Ticker ${suffix}`);
  await dialog.getByLabel('URL').fill('ftp://example.com/ticker');
  await dialog.getByRole('button', { name: 'Create add-in' }).click();
  await expect(dialog.getByText('Add-in URLs are http or https')).toBeVisible();
  await dialog.getByLabel('URL').fill('https://addins.example.com/ticker');
  await dialog.getByRole('button', { name: 'Create add-in' }).click();
  await expect(dialog).toBeHidden();
  await page.goto(`/#/rooms/${room.id}`);
  await page.getByRole('combobox', { name: 'Add-in' }).selectOption({ label: `Ticker ${suffix}` });
  await expect(page.getByRole('region', { name: 'Add-in' })).toContainText(`Ticker ${suffix}`);
  await nav(page, 'Add-ins').click();
  const addinRow = page
    .getByRole('table', { name: 'Add-ins' })
    .getByRole('row')
    .filter({ hasText: `Ticker ${suffix}` });
  await expect(addinRow).toContainText(room.name);
  await snap(page, testInfo, 'channel-14-addins');

  // --- policies: a new per-user policy assigned to a user changes their effective policy
  await nav(page, 'Users & Policies').click();
  await page.getByRole('button', { name: 'New policy' }).click();
  dialog = page.getByRole('dialog', { name: 'New policy' });
  await dialog.getByLabel('Name').fill(`Contractors ${suffix}`);
  await dialog.getByLabel('EnablePersistentChat').uncheck();
  await dialog.getByRole('button', { name: 'Create policy' }).click();
  await expect(dialog).toBeHidden();
  const policies = page.getByRole('table', { name: 'Policies', exact: true });
  await expect(policies.getByRole('row').filter({ hasText: `tag:Contractors ${suffix}` })).toContainText('False');
  const userPolicies = page.getByRole('table', { name: 'User policies' });
  const otherRow = userPolicies.getByRole('row').filter({ hasText: other.sipUri });
  await expect(otherRow).toContainText('global');
  await otherRow.getByLabel(`Policy of ${other.sipUri}`).selectOption({ label: `tag:Contractors ${suffix}` });
  await expect(otherRow).toContainText(`tag:Contractors ${suffix}`);
  await expect(otherRow).toContainText('assigned');
  await expect(otherRow).toContainText('Disabled');
  await expect(userPolicies.getByRole('row').filter({ hasText: poster.sipUri })).toContainText('Enabled');
  await snap(page, testInfo, 'channel-15-policies');

  // --- chat configuration on the Server page: out-of-range refused inline, then saved
  await nav(page, 'Server').click();
  const form = page.getByRole('form', { name: 'Chat configuration' });
  await form.getByLabel('DefaultChatHistory').fill('501');
  await form.getByRole('button', { name: 'Save configuration' }).click();
  await expect(form.getByLabel('DefaultChatHistory')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('DefaultChatHistory').fill('40');
  await form.getByRole('button', { name: 'Save configuration' }).click();
  await expect(form.getByRole('status')).toContainText('Saved');
  expect((await adminCall(page.request, 'chat.config', {})).defaultChatHistory).toBe(40);
  await adminCall(page.request, 'chat.updateConfig', { defaultChatHistory: 30 });
  await expect(form.getByLabel('DefaultChatHistory')).toHaveValue('40');
  await snap(page, testInfo, 'channel-16-chat-config');

  // --- the SIP messages tab shows the INFO a SIP client just sent
  const sip = await connectChatClient(tcpPort, user, password);
  clients.push(sip);
  expect((await sip.cmd('join', chanid(room.uri))).resp.code).toBe(200);
  expect(await sip.post(room.uri, `traced ${suffix}`)).toBe(200);
  await nav(page, 'Logs').click();
  await page.getByRole('tab', { name: 'SIP messages' }).click();
  const sipSearch = page.getByRole('search', { name: 'Filter SIP messages' });
  await sipSearch.getByLabel('Contains').fill(`traced ${suffix}`);
  const sipTable = page.getByRole('table', { name: 'SIP messages' });
  await expect(sipTable.getByRole('button', { name: /^INFO sip:/ }).first()).toBeVisible();
  await sipTable
    .getByRole('button', { name: /^INFO sip:/ })
    .first()
    .click();
  await expect(sipTable.locator('pre').first()).toContainText(`<chat>traced ${suffix}</chat>`);
  await snap(page, testInfo, 'channel-17-sip-messages');
});
