/**
 * `/brief` subcommands → the core's text grammar (COMMANDS.md). Pure; read-interaction.ts pulls the
 * values out of the raw interaction.
 */

/** A `/brief` invocation in neutral terms. */
export interface SlashInvocation {
  group: string | null;
  subcommand: string;
  options: Record<string, string | number | undefined>;
}

/** Options holding a web address, per `group subcommand` path. */
const URL_OPTIONS: Record<string, string> = { ' link': 'url', ' why': 'url', 'feeds add': 'url', 'feeds remove': 'url' };

/**
 * A web address as typed, with `https://` added to a bare domain; undefined when it is not one.
 * Whitespace is refused so a value cannot smuggle extra words (`latest:`, `tz:`) into the text.
 */
export function normalizeUrl(value: string): string | undefined {
  const v = value.trim();
  if (/^https?:\/\/\S+$/i.test(v)) return v;
  if (/^[\w-]+(\.[\w-]+)*\.[a-z]{2,}(?::\d+)?(\/\S*)?$/i.test(v)) return `https://${v}`;
  return undefined;
}

/** A short message when an option is unusable (not a web address), else undefined. */
export function checkInvocation({ group, subcommand, options }: SlashInvocation): string | undefined {
  const name = URL_OPTIONS[`${group ?? ''} ${subcommand}`];
  if (name && normalizeUrl(String(options[name] ?? '')) === undefined) {
    return `\`${name}\` must be a web address such as https://example.org/article.`;
  }
  return undefined;
}

/** `a, b ,,c` → `a,b,c`. */
function listValue(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const items = String(value).split(',').map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items.join(',') : undefined;
}

/** ` key:value` when value is present. */
function keyed(key: string, value: string | number | undefined): string {
  return value === undefined || value === '' ? '' : ` ${key}:${value}`;
}

/**
 * Map a `/brief` invocation to the text after `/brief` that the core parses.
 * @example toCommandText({ group: 'feeds', subcommand: 'add', options: { url: 'https://x/feed', latest: 3 } })
 *   // 'feeds add https://x/feed latest:3'
 */
export function toCommandText({ group, subcommand, options: o }: SlashInvocation): string {
  const str = (name: string) => String(o[name] ?? '').trim();
  const url = () => normalizeUrl(str('url')) ?? str('url');
  if (group === null) {
    switch (subcommand) {
      case 'link': return url();
      case 'text': return str('content');
      case 'digest': return '';
      case 'ask': return `ask ${str('question')}`;
      case 'more': return o.point === undefined ? 'more' : `more ${o.point}`;
      case 'why': return `why ${url()}`;
      default: return subcommand; // quotes, who, next, source, help
    }
  }
  if (group === 'feeds') {
    if (subcommand === 'add') return `feeds add ${url()}${keyed('latest', o.latest)}${keyed('weight', o.weight)}`;
    if (subcommand === 'remove') return `feeds remove ${url()}`;
    return `feeds ${subcommand}`;
  }
  if (group === 'schedule' && subcommand === 'set') {
    const when = str('when').replace(/^["']|["']$/g, '').replace(/\s+/g, ' ');
    return `schedule set ${when}${keyed('tz', str('timezone'))}${keyed('topics', listValue(o.topics))}${keyed('exclude', listValue(o.exclude))}`;
  }
  if (group === 'settings') return `settings ${subcommand} ${str('name')}`.trimEnd();
  return `${group} ${subcommand}`;
}
