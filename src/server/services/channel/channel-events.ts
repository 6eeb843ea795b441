/**
 * The Channel core's decision points (STYLE.md practice 5): vetoable "-ing" hooks run before an
 * action (the first refusal wins and becomes the coded failure), "-ed" hooks run after commit.
 * Feature slices in features/ register here instead of editing the core.
 */
import type { ErrorCode } from '../../errors/error-codes.js';
import type { NewMessage } from './channel-repo-port.js';
import type { RoomAccess } from './room-access.js';

export interface Refusal {
  code: ErrorCode;
  reason: string;
}

export interface PostingContext {
  access: RoomAccess;
  userUri: string;
  text: string;
  story?: { title: string; body: string };
}

export interface PostedContext {
  access: RoomAccess;
  message: NewMessage;
  stored: boolean;
}

export interface JoiningContext {
  access: RoomAccess;
  userUri: string;
}

export interface ChannelHookMap {
  'message.posting': (ctx: PostingContext) => Refusal | undefined;
  /** Inside the post's transaction: may the message enter the room's history? */
  'message.storing': (ctx: PostingContext) => boolean;
  'message.posted': (ctx: PostedContext) => void;
  'room.joining': (ctx: JoiningContext) => Refusal | undefined;
}

export interface ChannelHooks {
  on<K extends keyof ChannelHookMap>(name: K, fn: ChannelHookMap[K]): void;
  veto<K extends 'message.posting' | 'room.joining'>(
    name: K,
    ctx: Parameters<ChannelHookMap[K]>[0],
  ): Refusal | undefined;
  /** All storing hooks must agree. */
  allow(name: 'message.storing', ctx: PostingContext): boolean;
  emit(name: 'message.posted', ctx: PostedContext): void;
}

export function createChannelHooks(): ChannelHooks {
  const table = new Map<string, Array<(ctx: never) => unknown>>();
  const list = (name: string) => table.get(name) ?? [];
  return {
    on(name, fn) {
      table.set(name, [...list(name), fn as (ctx: never) => unknown]);
    },
    veto(name, ctx) {
      for (const fn of list(name)) {
        const refusal = (fn as (c: typeof ctx) => Refusal | undefined)(ctx);
        if (refusal) return refusal;
      }
      return undefined;
    },
    allow(name, ctx) {
      return list(name).every((fn) => (fn as (c: PostingContext) => boolean)(ctx));
    },
    emit(name, ctx) {
      for (const fn of list(name)) (fn as (c: PostedContext) => void)(ctx);
    },
  };
}
