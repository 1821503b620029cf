/**
 * Test helper: a platform that records posts and, like Discord's enforced nonce, shows a
 * retried post with the same idempotency key only once. `failNext` makes upcoming posts fail
 * before (`'before'`) or after (`'after'`, the message went out but the reply was lost) delivery.
 */
import type { Delivery, ChannelRef, Reply } from '../../../../src/core/model.js';

export type FailMode = 'before' | 'after' | 'hang' | Error;

export class FakePlatform {
  /** Messages the channel shows. */
  readonly shown: { channel: ChannelRef; reply: Reply; key: string; messageId: string }[] = [];
  /** Every call, including failed ones. */
  readonly calls: string[] = [];
  /** Each call's `maybePosted` (whether the caller knows an earlier attempt may have gone out). */
  readonly maybePosted: boolean[] = [];
  /** Each call's `firstAttemptAt`, as ISO text (undefined on a first attempt). */
  readonly firstAttemptAt: (string | undefined)[] = [];
  readonly failures: FailMode[] = [];
  /** Resolves when post() is called. */
  onCall?: () => void;

  failNext(...modes: FailMode[]): void {
    this.failures.push(...modes);
  }

  readonly post = async (channel: ChannelRef, reply: Reply, options: { idempotencyKey: string; maybePosted?: boolean; firstAttemptAt?: Date }): Promise<Delivery> => {
    this.calls.push(options.idempotencyKey);
    this.maybePosted.push(options.maybePosted === true);
    this.firstAttemptAt.push(options.maybePosted ? options.firstAttemptAt?.toISOString() : undefined);
    this.onCall?.();
    const mode = this.failures.shift();
    if (mode === 'hang') return new Promise<Delivery>(() => undefined);
    if (mode === 'before') throw new Error('socket hang up');
    if (mode instanceof Error) throw mode;
    let shown = this.shown.find((m) => m.key === options.idempotencyKey);
    if (!shown) {
      shown = { channel, reply, key: options.idempotencyKey, messageId: `m${this.shown.length + 1}` };
      this.shown.push(shown);
    }
    if (mode === 'after') throw new Error('connection reset after send');
    return { messageIds: [shown.messageId] };
  };
}
