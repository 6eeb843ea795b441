/**
 * In-dialog request matching (RFC 3261 §12.2.2): Call-ID + To-tag (ours) + From-tag (theirs).
 * A request with a To-tag that matches no dialog gets 481 (XCCOS.md §2.9).
 */
import { parseNameAddr } from '../codec/headers/name-addr.js';
import { headerValue, type SipRequest } from '../codec/sip-message.js';
import { dialogKey, type DialogId, type UasDialog } from './dialog.js';

export type DialogMatch =
  | { readonly kind: 'in-dialog'; readonly dialog: UasDialog }
  /** §12.2.2: "If the UAS wishes to reject the request because it does not wish to recreate the
   * dialog, it MUST respond to the request with a 481 (Call/Transaction Does Not Exist)". */
  | { readonly kind: 'unknown-dialog'; readonly status: 481 }
  | { readonly kind: 'out-of-dialog' };

export class DialogTable {
  private readonly dialogs = new Map<string, UasDialog>();

  get size(): number {
    return this.dialogs.size;
  }

  add(dialog: UasDialog): void {
    this.dialogs.set(dialogKey(dialog.id), dialog);
  }

  remove(dialog: UasDialog): void {
    dialog.state = 'terminated';
    this.dialogs.delete(dialogKey(dialog.id));
  }

  get(id: DialogId): UasDialog | undefined {
    return this.dialogs.get(dialogKey(id));
  }

  match(request: SipRequest): DialogMatch {
    const id = requestDialogId(request);
    if (!id) return { kind: 'out-of-dialog' };
    const dialog = this.dialogs.get(dialogKey(id));
    return dialog ? { kind: 'in-dialog', dialog } : { kind: 'unknown-dialog', status: 481 };
  }
}

/** The dialog a request claims (ours = To-tag, theirs = From-tag); undefined without a To-tag. */
export function requestDialogId(request: SipRequest): DialogId | undefined {
  const localTag = parseNameAddr(headerValue(request, 'To') ?? '')?.tag;
  const callId = headerValue(request, 'Call-ID');
  if (localTag === undefined || callId === undefined) return undefined;
  const remoteTag = parseNameAddr(headerValue(request, 'From') ?? '')?.tag ?? '';
  return { callId, localTag, remoteTag };
}
