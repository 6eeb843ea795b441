/**
 * The in-band provisioning answer (XCCOS.md §2.3, [MS-SIPREGE] §2.2.2.5.11): a
 * `provisionGroupList` with one `persistentChatConfiguration` group. No `ServerConfiguration`
 * group: its `focusFactoryUri` / `mrasUri` would send SIPE off to conferencing and media relays.
 */
export const PROVISIONING_EVENT = 'vnd-microsoft-provisioning-v2';
export const PROVISIONING_CONTENT_TYPE = 'application/vnd-microsoft-roaming-provisioning-v2+xml';
const NAMESPACE = 'http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-notification';

export interface PersistentChatConfiguration {
  readonly enablePersistentChat: boolean;
  readonly defaultPoolUri: string;
  /** Every pool the user may use (single spaces between them). */
  readonly poolUris: readonly string[];
  /** Room-management web application, internal and external; omitted when null. */
  readonly webManagerUriInt: string | null;
  readonly webManagerUriExt: string | null;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function provisioningDocument(config: PersistentChatConfiguration): string {
  const props: Array<[string, string | null]> = [
    ['EnablePersistentChat', config.enablePersistentChat ? 'true' : 'false'],
    ['DefaultPersistentChatPoolUri', config.defaultPoolUri],
    ['PersistentChatPoolUris', config.poolUris.join(' ')],
    ['PersistentChatWebManagerUriInt', config.webManagerUriInt],
    ['PersistentChatWebManagerUriExt', config.webManagerUriExt],
  ];
  const entries = props
    .filter((p): p is [string, string] => p[1] !== null)
    .map(([name, value]) => `<property name="${name}">${escapeXml(value)}</property>`)
    .join('');
  return (
    `<provisionGroupList xmlns="${NAMESPACE}">` +
    `<provisionGroup name="persistentChatConfiguration"><propertyEntryList>${entries}</propertyEntryList></provisionGroup>` +
    `</provisionGroupList>`
  );
}
