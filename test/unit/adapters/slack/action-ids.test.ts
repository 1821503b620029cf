import { describe, expect, it } from 'vitest';
import { decodeActionValue, decodeAskContext, encodeActionValue, encodeAskContext } from '../../../../src/adapters/slack/action-ids.js';

describe('button values and Ask modal metadata', () => {
  it('round-trips a verb and a briefing id, including ids with colons', () => {
    expect(decodeActionValue(encodeActionValue('who', 'brf:2026:01'))).toEqual({ verb: 'who', briefingId: 'brf:2026:01' });
  });

  it('ignores values we did not render', () => {
    for (const v of [undefined, '', 'approve', 'delete:b1', 'more:', ':b1']) expect(decodeActionValue(v)).toBeUndefined();
  });

  it('carries channel, thread and briefing through the modal, and rejects tampered metadata', () => {
    const ctx = { channel: 'C1', threadTs: '1700000000.000100', briefingId: 'b1' };
    expect(decodeAskContext(encodeAskContext(ctx))).toEqual(ctx);
    expect(decodeAskContext('not json')).toBeUndefined();
    expect(decodeAskContext('{"c":1,"b":"x"}')).toBeUndefined();
  });
});
