import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { htmlToText } from '/work/wt/ingest/src/core/extract/html-to-text.ts';
export function extractArticle(html: string) {
  const { document } = parseHTML(html);
  const r = new Readability(document as unknown as Document, { serializer: (n) => n }).parse();
  return { text: r?.content ? htmlToText(r.content as any) : '' };
}
