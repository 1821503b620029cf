/**
 * Reply → plain terminal text (the CLI's renderer).
 */
import type { Reply } from '../../core/model.js';

const wrapIndent = (text: string, indent: string): string => text.split('\n').map((l, i) => (i === 0 ? l : indent + l)).join('\n');

/** Renders a Reply for a person reading a terminal. */
export function formatReplyText(reply: Reply): string {
  const out: string[] = [];
  if (reply.kind === 'error') return `newsbrief: ${reply.text ?? 'failed'}`;
  if (reply.heading) out.push(reply.heading, '='.repeat(Math.min(reply.heading.length, 72)), '');
  reply.points?.forEach((p, i) => out.push(`${String(i + 1).padStart(2)}. ${wrapIndent(p, '    ')}`));
  if (reply.points?.length) out.push('');
  if (reply.text) out.push(reply.text, '');
  if (reply.quote) {
    out.push(`  “${reply.quote.text}”${reply.quote.speaker ? ` — ${reply.quote.speaker}` : ''}`, '');
  }
  for (const f of reply.fields ?? []) out.push(`${f.label}: ${f.value}`);
  if (reply.fields?.length) out.push('');
  for (const s of reply.sections ?? []) {
    if (s.heading) out.push(s.heading, '-'.repeat(Math.min(s.heading.length, 72)));
    for (const p of s.points ?? []) out.push(`  • ${wrapIndent(p, '    ')}`);
    if (s.text) out.push(s.text);
    for (const l of s.links ?? []) out.push(`  ${l.source ? `${l.source}: ` : ''}${l.title} <${l.url}>`);
    out.push('');
  }
  for (const l of reply.links ?? []) out.push(`${l.title}: ${l.url}`);
  if (reply.context?.length) out.push(reply.context.join('\n'));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd();
}
