/**
 * Any command, reply or notice this codec does not know (XCCOS.md §6.14). The payload is kept as
 * re-serialized markup so the service can log the whole body, and answers `rpl:{x}` with resp 501
 * ERR_NOT_SUPPORTED (xccos-errors.ts) — never a thrown error, never a dropped dialog.
 */
import { RAW_PAYLOAD_CODEC, type RawPayload } from '../blocks/raw-payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';

export type UnknownPayload = RawPayload;
export const UNKNOWN_PAYLOAD_CODEC: PayloadCodec<UnknownPayload> = RAW_PAYLOAD_CODEC;
