/**
 * Split a header value that may hold several comma-separated entries (RFC 3261 §7.3.1: `Via`,
 * `Contact`, `Route`, `Record-Route`, …) without breaking quoted strings or `<…>` URIs.
 */
export function splitHeaderList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '<') depth++;
    else if (ch === '>') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}

/** Every entry of every line of a list header, in order. */
export function splitHeaderLines(values: readonly string[]): string[] {
  return values.flatMap(splitHeaderList);
}

/**
 * Parse `;name=value` parameters (RFC 3261 `generic-param`). Names are lower-cased; a parameter
 * without `=` maps to null; quoted values keep their quotes off. Returns undefined on junk.
 */
export function parseParams(text: string): Map<string, string | null> | undefined {
  const params = new Map<string, string | null>();
  let rest = text.trim();
  while (rest.length > 0) {
    if (rest[0] !== ';') return undefined;
    rest = rest.slice(1).trimStart();
    const m = /^([^\s;=]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^\s;]+))?\s*/.exec(rest);
    if (!m || !m[1]) return undefined;
    const raw = m[2];
    params.set(m[1].toLowerCase(), raw === undefined ? null : raw.startsWith('"') ? unquote(raw) : raw);
    rest = rest.slice(m[0].length);
  }
  return params;
}

export function unquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(.)/g, '$1');
}
