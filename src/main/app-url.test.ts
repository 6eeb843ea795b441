import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { appEntryUrl, isAppUrl, isExternalWebUrl } from './app-url.js';

const indexFile = resolve('/opt/Parlance/resources/app/out/renderer/index.html');
const prod = { rendererIndexFile: indexFile };
const dev = { rendererIndexFile: indexFile, devServerUrl: 'http://localhost:5173' };

describe('isAppUrl', () => {
  it('accepts the renderer index.html, with a hash or query route', () => {
    const url = pathToFileURL(indexFile).href;
    expect(isAppUrl(url, prod)).toBe(true);
    expect(isAppUrl(url + '#/rooms', prod)).toBe(true);
    expect(isAppUrl(url + '?x=1', prod)).toBe(true);
  });

  it('refuses other files, other schemes and other hosts', () => {
    expect(isAppUrl(pathToFileURL(resolve(indexFile, '../other.html')).href, prod)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', prod)).toBe(false);
    expect(isAppUrl('file://evil.example/' + indexFile, prod)).toBe(false);
    expect(isAppUrl('https://example.com/', prod)).toBe(false);
    expect(isAppUrl('about:blank', prod)).toBe(false);
    expect(isAppUrl('not a url', prod)).toBe(false);
    expect(isAppUrl('', prod)).toBe(false);
  });

  it('in development accepts only the dev server origin', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/#/rooms', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl(pathToFileURL(indexFile).href, dev)).toBe(false);
  });

  it('entry URL is the dev server in development, else the file URL', () => {
    expect(appEntryUrl(dev)).toBe('http://localhost:5173');
    expect(appEntryUrl(prod)).toBe(pathToFileURL(indexFile).href);
    expect(isAppUrl(appEntryUrl(prod), prod)).toBe(true);
  });
});

describe('isExternalWebUrl', () => {
  it('allows web and mail links only', () => {
    expect(isExternalWebUrl('https://learn.microsoft.com/')).toBe(true);
    expect(isExternalWebUrl('mailto:admin@example.com')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('smb://host/share')).toBe(false);
  });
});
