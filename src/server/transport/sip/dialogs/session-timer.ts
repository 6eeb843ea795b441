/**
 * One dialog's session timer (RFC 4028 §10): any request on the dialog restarts it (XCCOS.md
 * §2.9 "any request on the dialog also counts as activity"); when it runs out the owner sends BYE.
 */
import type { TimerHandle, TimerPort } from '../transactions/timers.js';

export class SessionTimer {
  private handle: TimerHandle | undefined;
  private stopped = false;

  constructor(
    private readonly timers: TimerPort,
    private seconds: number,
    private readonly onExpired: () => void,
  ) {
    this.arm();
  }

  /** Restart the interval (UPDATE, re-INVITE, or any in-dialog request); optionally a new one. */
  refresh(seconds?: number): void {
    if (this.stopped) return;
    if (seconds !== undefined) this.seconds = seconds;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private arm(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined;
      if (!this.stopped) this.onExpired();
    }, this.seconds * 1000);
  }
}
