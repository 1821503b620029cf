/**
 * Parses the text after `/brief` into a neutral command. Pure; no I/O.
 */
import type { FollowupVerb, SummarizerName } from '../model.js';

export type ParsedCommand =
  | { kind: 'brief-url'; url: string }
  | { kind: 'brief-text'; text: string }
  | { kind: 'digest' }
  | { kind: 'help' }
  | { kind: 'followup'; verb: FollowupVerb; arg?: string }
  | { kind: 'feeds'; action: 'add'; url: string; latest?: number; weight?: number }
  | { kind: 'feeds'; action: 'remove'; url: string }
  | { kind: 'feeds'; action: 'list' }
  | { kind: 'schedule'; action: 'set'; spec: string }
  | { kind: 'schedule'; action: 'show' | 'off' }
  | { kind: 'settings'; summarizer?: SummarizerName }
  | { kind: 'why'; url: string }
  | { kind: 'invalid'; message: string };

const FOLLOWUP_VERBS: Record<string, FollowupVerb> = {
  more: 'more',
  ask: 'ask',
  quotes: 'quotes',
  quote: 'quotes',
  who: 'who',
  next: 'next',
  whatsnext: 'next',
  source: 'source',
};

/** Slack wraps links as `<https://…|label>` or `<https://…>`; Discord sometimes as `<https://…>`. */
export function unwrapLink(token: string): string {
  const m = /^<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>$/i.exec(token.trim());
  return m ? m[1]! : token.trim();
}

/** Is this token a web link (http or https)? */
export function isLink(token: string): boolean {
  const t = unwrapLink(token);
  if (!/^https?:\/\//i.test(t)) return false;
  try {
    new URL(t);
    return true;
  } catch {
    return false;
  }
}

function needUrl(rest: string, usage: string): string | { message: string } {
  const token = rest.split(/\s+/)[0] ?? '';
  if (!token) return { message: `Give a link: ${usage}` };
  const url = unwrapLink(token);
  return isLink(url) ? url : { message: `"${token}" is not a web link. Use ${usage}` };
}

function parseFeeds(rest: string): ParsedCommand {
  const [action = '', ...tail] = rest.split(/\s+/);
  const args = tail.join(' ');
  switch (action.toLowerCase()) {
    case 'add': {
      const url = needUrl(args, '/brief feeds add https://example.com/rss');
      if (typeof url !== 'string') return { kind: 'invalid', ...url };
      // Options come after the URL only: a feed's own query string (?latest=…) is not one.
      const options = args.split(/\s+/).slice(1).join(' ');
      const latest = /\blatest[:=\s]+(\d+)/i.exec(options);
      // Any weight value is passed on, so a bad one is refused by feeds add rather than ignored.
      const weight = /\bweight[:=\s]+(\S+)/i.exec(options);
      return {
        kind: 'feeds',
        action: 'add',
        url,
        ...(latest ? { latest: Math.min(Number(latest[1]), 50) } : {}),
        ...(weight ? { weight: Number(weight[1]) } : {}),
      };
    }
    case 'remove':
    case 'rm':
    case 'delete': {
      const url = needUrl(args, '/brief feeds remove https://example.com/rss');
      return typeof url === 'string' ? { kind: 'feeds', action: 'remove', url } : { kind: 'invalid', ...url };
    }
    case 'list':
    case '':
      return { kind: 'feeds', action: 'list' };
    default:
      return { kind: 'invalid', message: `Unknown feeds action "${action}". Use /brief feeds add|list|remove.` };
  }
}

function parseSchedule(rest: string): ParsedCommand {
  const [action = '', ...tail] = rest.split(/\s+/);
  switch (action.toLowerCase()) {
    case 'set': {
      const spec = tail.join(' ').trim();
      if (!spec) return { kind: 'invalid', message: 'Say when: /brief schedule set daily 08:00 tz:Europe/Paris' };
      return { kind: 'schedule', action: 'set', spec };
    }
    case 'show':
    case '':
      return { kind: 'schedule', action: 'show' };
    case 'off':
    case 'stop':
      return { kind: 'schedule', action: 'off' };
    default:
      return { kind: 'invalid', message: `Unknown schedule action "${action}". Use /brief schedule set|show|off.` };
  }
}

function parseSettings(rest: string): ParsedCommand {
  const m = /^summarizer[:=\s]+(\w+)/i.exec(rest.trim());
  if (!rest.trim()) return { kind: 'settings' };
  if (!m) return { kind: 'invalid', message: 'Use /brief settings summarizer extractive|llm.' };
  const value = m[1]!.toLowerCase();
  if (value !== 'extractive' && value !== 'llm') return { kind: 'invalid', message: `Unknown summarizer "${m[1]}". Use extractive or llm.` };
  return { kind: 'settings', summarizer: value };
}

/** Parses the text after `/brief`. */
export function parseCommand(text: string): ParsedCommand {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'digest' };
  const [head = '', ...restParts] = trimmed.split(/\s+/);
  const word = head.toLowerCase();
  const rest = trimmed.slice(head.length).trim();
  if (restParts.length === 0 && isLink(head)) return { kind: 'brief-url', url: unwrapLink(head) };
  if (restParts.length === 0 && /^<?[a-z][a-z0-9+.-]*:\/\//i.test(head)) {
    return { kind: 'invalid', message: 'Only http:// and https:// links can be briefed.' };
  }
  if (word === 'help' || word === '?') return { kind: 'help' };
  if (word === 'digest') return { kind: 'digest' };
  if (word === 'feeds' || word === 'feed') return parseFeeds(rest);
  if (word === 'schedule') return parseSchedule(rest);
  if (word === 'settings') return parseSettings(rest);
  if (word === 'why') {
    const url = needUrl(rest, '/brief why https://example.com/story');
    return typeof url === 'string' ? { kind: 'why', url } : { kind: 'invalid', ...url };
  }
  if (word === 'link' && restParts.length === 1 && isLink(restParts[0]!)) return { kind: 'brief-url', url: unwrapLink(restParts[0]!) };
  const verb = FOLLOWUP_VERBS[word];
  // A one-word follow-up, or `ask …` / `more N`; longer text starting with these words is pasted text.
  if (verb && (restParts.length === 0 || verb === 'ask' || (verb === 'more' && /^\d+$/.test(rest)))) {
    if (verb === 'ask' && !rest) return { kind: 'invalid', message: 'Ask a question: /brief ask who is leading the talks?' };
    return rest ? { kind: 'followup', verb, arg: rest } : { kind: 'followup', verb };
  }
  if (isLink(head) && restParts.length > 0 && trimmed.length < 300) {
    return { kind: 'brief-url', url: unwrapLink(head) };
  }
  return { kind: 'brief-text', text: trimmed };
}
