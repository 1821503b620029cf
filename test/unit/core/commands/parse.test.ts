import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../src/core/commands/parse.js';

describe('parseCommand', () => {
  it('reads a bare link, including the way Slack wraps links', () => {
    expect(parseCommand('https://example.com/a')).toEqual({ kind: 'brief-url', url: 'https://example.com/a' });
    expect(parseCommand('<https://example.com/a?b=1|example.com/a>')).toEqual({ kind: 'brief-url', url: 'https://example.com/a?b=1' });
  });

  it('treats nothing as the channel digest and help as help', () => {
    expect(parseCommand('   ')).toEqual({ kind: 'digest' });
    expect(parseCommand('help')).toEqual({ kind: 'help' });
  });

  it('reads follow-ups, but treats longer text that starts with the same word as pasted text', () => {
    expect(parseCommand('ask where are the talks?')).toEqual({ kind: 'followup', verb: 'ask', arg: 'where are the talks?' });
    expect(parseCommand('more 2')).toEqual({ kind: 'followup', verb: 'more', arg: '2' });
    expect(parseCommand('who')).toEqual({ kind: 'followup', verb: 'who' });
    expect(parseCommand('More than 100 people were hurt in the storm on Sunday.')).toEqual({
      kind: 'brief-text',
      text: 'More than 100 people were hurt in the storm on Sunday.',
    });
  });

  it('reads feeds and schedule subcommands with their arguments', () => {
    expect(parseCommand('feeds add https://example.com/rss latest:5')).toEqual({ kind: 'feeds', action: 'add', url: 'https://example.com/rss', latest: 5 });
    expect(parseCommand('feeds remove <https://example.com/rss>')).toEqual({ kind: 'feeds', action: 'remove', url: 'https://example.com/rss' });
    expect(parseCommand('feeds list')).toEqual({ kind: 'feeds', action: 'list' });
    expect(parseCommand('schedule set daily 08:00 tz:Europe/Paris')).toEqual({ kind: 'schedule', action: 'set', spec: 'daily 08:00 tz:Europe/Paris' });
    expect(parseCommand('schedule off')).toEqual({ kind: 'schedule', action: 'off' });
  });

  it('says what is wrong with a malformed subcommand', () => {
    expect(parseCommand('feeds add not-a-link')).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/not a web link/) });
    expect(parseCommand('schedule fly')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('settings summarizer magic')).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/extractive or llm/) });
    expect(parseCommand('ask')).toMatchObject({ kind: 'invalid' });
  });

  it('refuses links that are not http or https', () => {
    expect(parseCommand('feeds add file:///etc/passwd')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('javascript:alert(1)')).toEqual({ kind: 'brief-text', text: 'javascript:alert(1)' });
    expect(parseCommand('ftp://files.example/report.txt')).toEqual({ kind: 'invalid', message: 'Only http:// and https:// links can be briefed.' });
    expect(parseCommand('<file:///etc/passwd>')).toMatchObject({ kind: 'invalid' });
  });
});
