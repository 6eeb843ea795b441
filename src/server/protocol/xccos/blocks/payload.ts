/**
 * Reading `<data>` payloads. A missing or malformed attribute raises `XccosPayloadError`, which
 * parse-command.ts turns into a coded failure (ERR_XCCOS_INVALID_ARGUMENT) with enough context for
 * an error `rpl`; it never leaves the codec.
 */
import { attribute, childElement, type XmlElement } from '../xml/xml-tree.js';

export class XccosPayloadError extends Error {
  override readonly name = 'XccosPayloadError';
}

export function requireAttribute(element: XmlElement, name: string): string {
  const value = attribute(element, name);
  if (value === undefined) throw new XccosPayloadError(`<${element.name}> needs a ${name} attribute`);
  return value;
}

export function optionalAttribute(element: XmlElement, name: string): string | undefined {
  return attribute(element, name);
}

export function requireChild(element: XmlElement | undefined, name: string): XmlElement {
  const child = element === undefined ? undefined : childElement(element, name);
  if (child === undefined) throw new XccosPayloadError(`<${element?.name ?? 'data'}> needs a <${name}> child`);
  return child;
}

/** A decimal integer in [min, max]; XCCOS numbers are plain decimal digits. */
export function parseBoundedInteger(text: string, what: string, min: number, max: number): number {
  const trimmed = text.trim();
  if (!/^-?[0-9]{1,15}$/.test(trimmed)) throw new XccosPayloadError(`${what} is not an integer`);
  const value = Number(trimmed);
  if (value < min || value > max) throw new XccosPayloadError(`${what} is outside ${min}..${max}`);
  return value;
}

export function requireIntegerAttribute(element: XmlElement, name: string, min: number, max: number): number {
  return parseBoundedInteger(requireAttribute(element, name), `${element.name}/@${name}`, min, max);
}

/** `true`/`false`, compared case-insensitively as SIPE does (XCCOS.md §5, `prop`). */
export function parseBoolean(text: string, what: string): boolean {
  const lower = text.trim().toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new XccosPayloadError(`${what} is not true/false`);
}

export function optionalBooleanAttribute(element: XmlElement, name: string): boolean | undefined {
  const value = attribute(element, name);
  return value === undefined ? undefined : parseBoolean(value, `${element.name}/@${name}`);
}

export function booleanText(value: boolean): string {
  return value ? 'true' : 'false';
}

/** An optional `<data>`: a reply or notice with no `<data>` reads as an empty one. */
export const EMPTY_DATA: XmlElement = {
  name: 'data',
  attributes: Object.create(null) as Record<string, string>,
  children: [],
  text: '',
};
