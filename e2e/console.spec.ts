/**
 * Browser e2e against the headless server (Debian Chromium): sign in, manage a category and a room
 * through the console, see server-side validation inline, and sign out. Screenshots are attached.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_ADMIN_USER } from './support/console-server';

async function snap(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

test('admin manages a category and a room, then signs out', async ({ page }, testInfo) => {
  const suffix = Date.now().toString(36);
  const categoryName = `Engineering ${suffix}`;
  const roomName = `release-planning-${suffix}`;

  // --- sign in (a wrong password first: the error is shown, nothing else happens)
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to the admin console' })).toBeVisible();
  await snap(page, testInfo, '01-login');
  await page.getByLabel('User name').fill(E2E_ADMIN_USER);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('incorrect');
  await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // --- dashboard
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Uptime' })).toBeVisible();
  await expect(page.getByRole('banner').getByText(/sip:admin@/)).toBeVisible();
  await snap(page, testInfo, '02-dashboard');

  // --- create a category
  await nav(page, 'Categories').click();
  await expect(page.getByRole('heading', { name: 'Categories', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New category' }).click();
  const categoryDialog = page.getByRole('dialog', { name: 'New category' });
  await categoryDialog.getByLabel('Name').fill(categoryName);
  await categoryDialog.getByLabel('Description').fill('Rooms for the engineering teams');
  await categoryDialog.getByLabel('File upload').check();
  await categoryDialog.getByRole('button', { name: 'Create category' }).click();
  await expect(categoryDialog).toBeHidden();
  const categoryRow = page
    .getByRole('table', { name: 'Categories' })
    .getByRole('row')
    .filter({ hasText: categoryName });
  await expect(categoryRow).toBeVisible();
  await expect(categoryRow).toContainText('Rooms for the engineering teams');

  // --- create a room in it (client-side validation first: the name is required)
  await nav(page, 'Rooms').click();
  await expect(page.getByRole('heading', { name: 'Rooms', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New room' }).click();
  let roomDialog = page.getByRole('dialog', { name: 'New room' });
  await roomDialog.getByRole('button', { name: 'Create room' }).click();
  await expect(roomDialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(roomDialog.getByText('Name is required')).toBeVisible();
  await roomDialog.getByLabel('Name').fill(roomName);
  await roomDialog.getByLabel('Description').fill('Weekly release planning');
  await roomDialog.getByLabel('Category').selectOption({ label: categoryName });
  await expect(roomDialog.getByLabel('Privacy')).toHaveValue('closed');
  await roomDialog.getByRole('button', { name: 'Create room' }).click();
  await expect(roomDialog).toBeHidden();

  const roomsTable = page.getByRole('table', { name: 'Rooms' });
  const roomRow = roomsTable.getByRole('row').filter({ hasText: roomName });
  await expect(roomRow).toBeVisible();
  await expect(roomRow).toContainText(categoryName);
  await expect(roomRow).toContainText('Closed');
  await snap(page, testInfo, '03-rooms');

  // --- edit it
  await page.getByRole('button', { name: `Edit ${roomName}` }).click();
  const editDialog = page.getByRole('dialog', { name: `Edit room ${roomName}` });
  await editDialog.getByLabel('Description').fill('Release planning, every Tuesday');
  await editDialog.getByLabel('Privacy').selectOption('open');
  await editDialog.getByLabel('Type').selectOption('auditorium');
  await editDialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(editDialog).toBeHidden();
  await expect(roomRow).toContainText('Open');
  await expect(roomRow).toContainText('Auditorium');
  await expect(roomRow).toContainText('Release planning, every Tuesday');

  // --- the duplicate name is refused by the server, shown on the Name field
  await page.getByRole('button', { name: 'New room' }).click();
  roomDialog = page.getByRole('dialog', { name: 'New room' });
  await roomDialog.getByLabel('Name').fill(roomName);
  await roomDialog.getByLabel('Category').selectOption({ label: categoryName });
  await roomDialog.getByRole('button', { name: 'Create room' }).click();
  await expect(roomDialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(roomDialog.getByRole('alert')).toContainText(/already exists/i);
  await snap(page, testInfo, '04-duplicate-name');
  await roomDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(roomDialog).toBeHidden();
  await expect(roomsTable.getByRole('row').filter({ hasText: roomName })).toHaveCount(1);

  // --- a change made elsewhere (the API, same session) arrives over the event stream, no reload
  const pushedName = `pushed-${suffix}`;
  const categories = await (await page.request.post('/api/rpc/categories.list', { data: {} })).json();
  const categoryId = categories.value.items.find((c: { name: string }) => c.name === categoryName).id;
  const pushed = await (
    await page.request.post('/api/rpc/rooms.create', { data: { name: pushedName, categoryId } })
  ).json();
  expect(pushed.ok, JSON.stringify(pushed)).toBe(true);
  await expect(roomsTable.getByRole('row').filter({ hasText: pushedName })).toBeVisible({ timeout: 5_000 });
  await page.request.post('/api/rpc/rooms.delete', { data: { id: pushed.value.id } });
  await expect(roomsTable.getByRole('row').filter({ hasText: pushedName })).toHaveCount(0, { timeout: 5_000 });

  // --- filters narrow the list
  await page.getByRole('search', { name: 'Filter rooms' }).getByLabel('Privacy').selectOption('secret');
  await expect(roomsTable).toContainText('No rooms match the filters.');
  await page.getByRole('search', { name: 'Filter rooms' }).getByLabel('Privacy').selectOption('open');
  await expect(roomRow).toBeVisible();

  // --- a category that still has rooms cannot be deleted
  await nav(page, 'Categories').click();
  await expect(categoryRow).toContainText('1');
  await page.getByRole('button', { name: `Delete ${categoryName}` }).click();
  let confirm = page.getByRole('dialog', { name: 'Delete category' });
  await confirm.getByRole('button', { name: 'Delete category' }).click();
  await expect(confirm.getByRole('alert')).toContainText('still contains rooms');
  await snap(page, testInfo, '05-category-not-empty');
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // --- delete the room, then the empty category
  await nav(page, 'Rooms').click();
  await page.getByRole('button', { name: `Delete ${roomName}` }).click();
  confirm = page.getByRole('dialog', { name: 'Delete room' });
  await confirm.getByRole('button', { name: 'Delete room' }).click();
  await expect(confirm).toBeHidden();
  await expect(roomsTable.getByRole('row').filter({ hasText: roomName })).toHaveCount(0);

  await nav(page, 'Categories').click();
  await page.getByRole('button', { name: `Delete ${categoryName}` }).click();
  confirm = page.getByRole('dialog', { name: 'Delete category' });
  await confirm.getByRole('button', { name: 'Delete category' }).click();
  await expect(confirm).toBeHidden();
  await expect(
    page.getByRole('table', { name: 'Categories' }).getByRole('row').filter({ hasText: categoryName }),
  ).toHaveCount(0);

  // --- users: create one, the SIP URI is unique, delete it
  await nav(page, 'Users & Policies').click();
  await page.getByRole('button', { name: 'New user' }).click();
  let userDialog = page.getByRole('dialog', { name: 'New user' });
  await userDialog.getByLabel('SIP URI').fill(`sip:alice.${suffix}@example.com`);
  await userDialog.getByLabel('Display name').fill('Alice Example');
  await userDialog.getByLabel('Password').fill('short');
  await userDialog.getByRole('button', { name: 'Create user' }).click();
  await expect(userDialog.getByText('Password must be at least 8 characters')).toBeVisible();
  await userDialog.getByLabel('Password').fill('alice-password');
  await userDialog.getByRole('button', { name: 'Create user' }).click();
  await expect(userDialog).toBeHidden();
  const usersTable = page.getByRole('table', { name: 'Users' });
  await expect(usersTable.getByRole('row').filter({ hasText: 'Alice Example' })).toBeVisible();
  await snap(page, testInfo, '06-users');
  await page.getByRole('button', { name: 'New user' }).click();
  userDialog = page.getByRole('dialog', { name: 'New user' });
  await userDialog.getByLabel('SIP URI').fill(`sip:alice.${suffix}@example.com`);
  await userDialog.getByLabel('Display name').fill('Alice Again');
  await userDialog.getByLabel('Password').fill('alice-password');
  await userDialog.getByRole('button', { name: 'Create user' }).click();
  await expect(userDialog.getByLabel('SIP URI')).toHaveAttribute('aria-invalid', 'true');
  await userDialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: `Delete sip:alice.${suffix}@example.com` }).click();
  confirm = page.getByRole('dialog', { name: 'Delete user' });
  await confirm.getByRole('button', { name: 'Delete user' }).click();
  await expect(confirm).toBeHidden();
  await expect(usersTable.getByRole('row').filter({ hasText: 'Alice Example' })).toHaveCount(0);

  // --- the dashboard counts and charts what happened
  await nav(page, 'Dashboard').click();
  await expect(page.getByRole('img', { name: 'Server memory use over this session' })).toBeVisible({ timeout: 15_000 });
  // Other spec files share this server and create users too: compare with the API's own count.
  const userCount = await page.evaluate(async () => {
    const response = await fetch('/api/rpc/users.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const result = (await response.json()) as { ok: boolean; value: { items: unknown[] } };
    return result.value.items.length;
  });
  await expect(page.getByRole('region', { name: 'Users' })).toContainText(String(userCount));
  await snap(page, testInfo, '07-dashboard-chart');

  // --- the other screens render
  await nav(page, 'Compliance').click();
  // (the compliance page itself is exercised in console-compliance.spec.ts)
  await expect(page.getByRole('form', { name: 'Compliance configuration' })).toBeVisible();
  await nav(page, 'Server').click();
  await expect(page.getByRole('heading', { name: 'Store', level: 2 })).toBeVisible();
  await expect(page.getByText('Data directory', { exact: true })).toBeVisible();
  await nav(page, 'Logs').click();
  await expect(page.getByRole('table', { name: 'Log records' })).toBeVisible();
  await snap(page, testInfo, '08-logs');

  // --- a session that is gone (cookie dropped): the next call (the Logs auto-refresh) gets
  // ERR_AUTH_REQUIRED and the console returns to the login form, then to the same screen
  await page.context().clearCookies();
  await expect(page.getByRole('heading', { name: 'Sign in to the admin console' })).toBeVisible();
  await page.getByLabel('User name').fill(E2E_ADMIN_USER);
  await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible();

  // --- sign out: back to the login form; the API refuses the old session
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the admin console' })).toBeVisible();
  const status = await page.request.post('/api/rpc/server.status', { data: {} });
  expect(status.status()).toBe(401);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to the admin console' })).toBeVisible();
  await snap(page, testInfo, '09-signed-out');
});
