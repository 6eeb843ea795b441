/**
 * A request serialized once and stamped many times: the same in-dialog INFO goes to an endpoint
 * for every room message it receives, and only the Via branch, the CSeq number and the body
 * change. The constant text is encoded once; `write` copies it and the body parts into one
 * buffer and writes the numbers' digits in place, with the bytes `serializeMessage` would give
 * for the same request (tested), so a delivery costs a copy and no header objects or strings.
 */
import { formatVia } from './headers/via.js';
import { serializeMessage } from './serialize-message.js';
import type { SipHeader, SipRequest } from './sip-message.js';

export interface RequestTemplateInput {
  readonly method: string;
  readonly uri: string;
  /** The Via to put on top: transport, host and port of the sending side. */
  readonly via: { readonly transport: string; readonly host: string; readonly port: number };
  /** The branch up to its number: `branch=` + prefix + the id given to `write`. */
  readonly branchPrefix: string;
  /** Every header but Via and Content-Length; the one `CSeq` gets its number per request. */
  readonly headers: readonly SipHeader[];
}

export interface RequestTemplate {
  /** The Request-URI it was made for. */
  readonly uri: string;
  /**
   * The request with branch `branchPrefix` + `branchId` and this CSeq number, its body the
   * concatenation of `head`, the ASCII `middle` (digits) and `tail`: a body with one varying
   * field, serialized once. The numbers are non-negative integers.
   */
  write(branchId: number, cseq: number, head: Buffer, middle?: string, tail?: Buffer): Buffer;
}

const BRANCH = '\u0000branch\u0000';
const CSEQ = '\u0000cseq\u0000';

export function createRequestTemplate(input: RequestTemplateInput): RequestTemplate {
  // Serialize a sample with markers through the one serializer, then cut it at the markers:
  // the template cannot drift from serializeMessage's header forms and order.
  const headers: SipHeader[] = [
    {
      name: 'Via',
      value: formatVia(input.via.transport, input.via.host, input.via.port, `${input.branchPrefix}${BRANCH}`),
    },
  ];
  let cseqs = 0;
  for (const h of input.headers) {
    if (h.name.toLowerCase() === 'cseq') {
      cseqs += 1;
      headers.push({ name: h.name, value: `${CSEQ} ${input.method}` });
    } else headers.push(h);
  }
  if (cseqs !== 1) throw new Error('a request template needs exactly one CSeq header');
  const sample: SipRequest = { kind: 'request', method: input.method, uri: input.uri, headers, body: Buffer.alloc(0) };
  const text = serializeMessage(sample).toString('utf8');
  const lengthAt = text.lastIndexOf('Content-Length: 0\r\n\r\n');
  const b = text.indexOf(BRANCH);
  const c = text.indexOf(CSEQ);
  if (lengthAt < 0 || b < 0 || c < b || lengthAt < c) throw new Error('request template: unexpected serialization');
  const part1 = Buffer.from(text.slice(0, b), 'utf8');
  const part2 = Buffer.from(text.slice(b + BRANCH.length, c), 'utf8');
  const part3 = Buffer.from(`${text.slice(c + CSEQ.length, lengthAt)}Content-Length: `, 'utf8');
  const fixed = part1.length + part2.length + part3.length + 4;

  return {
    uri: input.uri,
    write(branchId, cseq, head, middle = '', tail) {
      const bodyLength = head.length + middle.length + (tail?.length ?? 0);
      const out = Buffer.allocUnsafe(
        fixed + digitCount(branchId) + digitCount(cseq) + digitCount(bodyLength) + bodyLength,
      );
      let at = part1.copy(out, 0);
      at = writeDigits(out, at, branchId);
      at += part2.copy(out, at);
      at = writeDigits(out, at, cseq);
      at += part3.copy(out, at);
      at = writeDigits(out, at, bodyLength);
      out[at++] = 13;
      out[at++] = 10;
      out[at++] = 13;
      out[at++] = 10;
      at += head.copy(out, at);
      if (middle.length > 0) at += out.write(middle, at, 'latin1');
      if (tail) tail.copy(out, at);
      return out;
    },
  };
}

function digitCount(n: number): number {
  let count = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    count++;
  }
  return count;
}

/** The decimal digits of `n` at `at`; returns the offset after them. */
function writeDigits(out: Buffer, at: number, n: number): number {
  const end = at + digitCount(n);
  let i = end;
  do {
    out[--i] = 48 + (n % 10);
    n = Math.floor(n / 10);
  } while (n > 0);
  return end;
}
