/**
 * `cmd:nodespermcreatechild` → `rpl:nodespermcreatechild` (XCCOS.md §6.13): may the user create
 * rooms? Empty request and reply; the answer is the resp code (200 if the user is a Creator in at
 * least one category, otherwise 403 ERR_PERMISSION) [inferred].
 */
import { EMPTY_PAYLOAD_CODEC, type EmptyPayload, type PayloadCodec } from '../blocks/payload-codec.js';

export type NodespermcreatechildCommandPayload = EmptyPayload;
export const NODESPERMCREATECHILD_COMMAND_CODEC: PayloadCodec<NodespermcreatechildCommandPayload> = EMPTY_PAYLOAD_CODEC;

export type NodespermcreatechildReplyData = EmptyPayload;
export const NODESPERMCREATECHILD_REPLY_CODEC: PayloadCodec<NodespermcreatechildReplyData> = EMPTY_PAYLOAD_CODEC;
