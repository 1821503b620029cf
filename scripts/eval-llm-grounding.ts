/**
 * How often the LLM grounding check rejects human-written summary bullets of real news
 * (CNN/DailyMail highlights; XSum one-liners). CNN/DM highlights are written from the
 * article, so a rejection there is mostly a false alarm; XSum references are known to add
 * outside facts, so rejections there are mostly right.
 *
 *   npx tsx scripts/eval-llm-grounding.ts [path/to/set.jsonl ...]
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkStatement, indexArticle } from '../src/core/summarize/llm/grounding.js';

const files = process.argv.slice(2);
if (files.length === 0) files.push(...['cnndm-dev.jsonl', 'xsum-dev.jsonl'].map((f) => fileURLToPath(new URL(`../../shared/data/summarization/${f}`, import.meta.url))));

for (const file of files) {
  const records = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { article: string; reference: string[] });
  let bullets = 0;
  let flagged = 0;
  const byKind = new Map<string, number>();
  const examples: string[] = [];
  for (const record of records) {
    const facts = indexArticle(record.article);
    for (const bullet of record.reference) {
      bullets++;
      const issues = checkStatement(bullet, facts);
      if (issues.length === 0) continue;
      flagged++;
      for (const kind of new Set(issues.map((i) => i.kind))) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      if (examples.length < Number(process.env.EXAMPLES ?? 12)) examples.push(`  - ${issues.map((i) => i.detail).join('; ')}  <=  ${bullet.slice(0, 110)}`);
    }
  }
  const pct = (n: number) => `${((100 * n) / bullets).toFixed(1)}%`;
  console.log(`${file}: ${records.length} articles, ${bullets} bullets, ${flagged} flagged (${pct(flagged)})`);
  for (const [kind, n] of byKind) console.log(`  ${kind}: ${n} (${pct(n)})`);
  console.log(examples.join('\n'));
}
