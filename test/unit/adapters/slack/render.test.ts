import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../../src/core/model.js';
import { decodeActionValue } from '../../../../src/adapters/slack/action-ids.js';
import { renderReply, type SlackBlock, type SlackMessage } from '../../../../src/adapters/slack/render.js';

const briefing: Reply = {
  kind: 'briefing',
  heading: 'Talks resume in Geneva',
  points: ['Delegations met on Monday.', 'A second round is planned.'],
  quote: { text: 'We are cautiously optimistic.', speaker: 'A. Diplomat' },
  context: ['example.org', '4 min read', 'appears machine-paraphrased'],
  actions: (['more', 'ask', 'quotes', 'who', 'next', 'source'] as const).map((verb) => ({
    label: { more: 'More', ask: 'Ask', quotes: 'Quotes', who: "Who's who", next: "What's next", source: 'Source' }[verb],
    verb,
    briefingId: 'b-123',
  })),
  briefingId: 'b-123',
};

/** Every limit from Slack's Block Kit reference, checked on each message. */
function expectWithinLimits(messages: SlackMessage[]): void {
  for (const m of messages) {
    expect(m.text.length).toBeGreaterThan(0);
    expect(m.text.length).toBeLessThanOrEqual(40_000);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    for (const b of m.blocks) {
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
      if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3000);
      if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(10);
      if (b.type === 'actions') {
        expect(b.elements.length).toBeLessThanOrEqual(5);
        for (const e of b.elements) {
          if (e.type !== 'button') continue;
          expect(e.text.text.length).toBeLessThanOrEqual(75);
          expect(e.value!.length).toBeLessThanOrEqual(2000);
          expect(e.action_id!.length).toBeLessThanOrEqual(255);
        }
      }
    }
  }
}

const allText = (messages: SlackMessage[]): string => JSON.stringify(messages);
const ofType = <T extends SlackBlock['type']>(m: SlackMessage[], type: T) =>
  m.flatMap((x) => x.blocks).filter((b): b is Extract<SlackBlock, { type: T }> => b.type === type);

describe('renderReply', () => {
  it('renders a briefing as header, numbered points, quote, context and six buttons carrying verb and id', () => {
    const [message, ...rest] = renderReply(briefing, { askedBy: 'U0ASKER' });
    expect(rest).toHaveLength(0);
    const types = message!.blocks.map((b) => b.type);
    expect(types).toEqual(['header', 'context', 'section', 'section', 'context', 'actions', 'actions']);
    expect(allText([message!])).toContain('Asked by <@U0ASKER>');
    expect(allText([message!])).toContain('*1.* Delegations met on Monday.');
    expect(allText([message!])).toContain('&gt; “We are cautiously optimistic.”'.replace('&gt;', '>'));
    const buttons = ofType([message!], 'actions').flatMap((b) => b.elements);
    expect(buttons.map((b) => (b.type === 'button' ? b.text.text : ''))).toEqual(['More', 'Ask', 'Quotes', "Who's who", "What's next", 'Source']);
    expect(buttons.map((b) => (b.type === 'button' ? decodeActionValue(b.value) : undefined))).toContainEqual({ verb: 'who', briefingId: 'b-123' });
    expect(message!.text).toContain('Talks resume in Geneva');
  });

  it('keeps article text from pinging the channel or users and from injecting links', () => {
    const evil: Reply = {
      kind: 'briefing',
      heading: '<!channel> alert',
      points: ['Hi <!here> and <@U123ABC> & <https://evil.example|click>'],
      context: ['<!everyone>'],
      links: [{ title: 'x|<!channel>', url: 'https://ok.example/a?b=1&c=<2>' }, { title: 'js', url: 'javascript:alert(1)' }],
    };
    const messages = renderReply(evil);
    // plain_text (the header) is never parsed for mentions; every mrkdwn string and the fallback are.
    const json = JSON.stringify(messages.map((m) => [m.text, m.blocks.filter((b) => b.type !== 'header')]));
    expect(ofType(messages, 'header')[0]!.text.type).toBe('plain_text');
    expect(json).not.toMatch(/<!(channel|here|everyone)>/);
    expect(json).not.toContain('<@U123ABC>');
    expect(json).not.toContain('<https://evil.example');
    expect(json).toContain('&lt;!here&gt;');
    expect(json).toContain('<https://ok.example/a?b=1&amp;c=%3C2%3E|x¦&lt;!channel&gt;>');
    expect(json).not.toContain('<javascript:');
  });

  it('trims a 300-character title to the 150-character header limit', () => {
    const messages = renderReply({ ...briefing, heading: 'T'.repeat(300) });
    expectWithinLimits(messages);
    expect(ofType(messages, 'header')[0]!.text.text).toHaveLength(150);
  });

  it('splits a 5,000-character point over sections without losing words', () => {
    const point = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ').slice(0, 5000);
    const messages = renderReply({ ...briefing, points: [point] });
    expectWithinLimits(messages);
    const text = ofType(messages, 'section').map((s) => s.text!.text).join(' ');
    expect(text).toContain('w0 ');
    expect(text).toContain(point.split(' ').at(-1)!);
  });

  it('splits 60 digest stories with links over several messages, each within limits', () => {
    const digest: Reply = {
      kind: 'digest',
      heading: 'Your digest',
      sections: Array.from({ length: 60 }, (_, i) => ({
        heading: `Story ${i}`,
        points: [`Point of story ${i}`],
        links: [{ title: `Link ${i}`, url: `https://news.example/${i}`, source: 'Example News' }],
      })),
    };
    const messages = renderReply(digest);
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const json = allText(messages);
    for (const i of [0, 30, 59]) expect(json).toContain(`<https://news.example/${i}|Link ${i}>`);
    expect(messages[1]!.text).toContain('continued');
  });

  it('puts 60 links of one story into sections within limits', () => {
    const links = Array.from({ length: 60 }, (_, i) => ({ title: `Headline number ${i} `.repeat(5), url: `https://n.example/${i}` }));
    const messages = renderReply({ kind: 'digest', sections: [{ heading: 'One story', links }] });
    expectWithinLimits(messages);
    expect(allText(messages)).toContain('https://n.example/59');
  });

  it('trims an enormous reply to ten messages and says so, keeping the buttons', () => {
    const huge: Reply = { ...briefing, points: Array.from({ length: 2000 }, () => 'x'.repeat(2900)) };
    const messages = renderReply(huge);
    expect(messages).toHaveLength(10);
    expectWithinLimits(messages);
    expect(allText(messages.slice(-1))).toContain('trimmed');
    expect(ofType(messages.slice(-1), 'actions')).toHaveLength(2);
  });

  it('caps context at ten elements and button labels at 75 characters', () => {
    const messages = renderReply({
      kind: 'briefing',
      context: Array.from({ length: 14 }, (_, i) => `c${i}`),
      actions: [{ label: 'L'.repeat(100), verb: 'more', briefingId: 'b' }],
    });
    expectWithinLimits(messages);
    expect(JSON.stringify(ofType(messages, 'context'))).toContain('c13');
  });

  it('never renders an empty message', () => {
    const [m] = renderReply({ kind: 'info' });
    expect(m!.blocks.length).toBe(1);
    expect(m!.text.length).toBeGreaterThan(0);
  });

  it('does not cut an escaped entity when trimming the fallback text', () => {
    const [m] = renderReply({ kind: 'info', text: '&'.repeat(5000) });
    expect(m!.text.length).toBeLessThanOrEqual(4000);
    expect(m!.text).toMatch(/^(&amp;)+…$/);
  });
});
