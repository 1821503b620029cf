/** The extraction benchmark's pages for the benches: the shared data's 181 pages when present, else the test fixtures. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The HTML of every extraction page, in file-name order.
 * @param dataDir - the shared data folder (its `extraction/html/*.html.gz`)
 */
export function loadExtractionPages(dataDir: string): string[] {
  const dir = path.join(dataDir, 'extraction', 'html');
  if (fs.existsSync(dir)) return fs.readdirSync(dir).sort().map((f) => zlib.gunzipSync(fs.readFileSync(path.join(dir, f))).toString('utf8'));
  const fixtures = path.join(ROOT, 'test', 'fixtures', 'articles');
  return fs.readdirSync(fixtures).filter((f) => f.endsWith('.html')).map((f) => fs.readFileSync(path.join(fixtures, f), 'utf8'));
}

/** Extracts every page once, ignoring refusals (non-articles still cost their time and memory). */
export function extractEach(pages: string[], extract: (html: string) => unknown): void {
  for (const html of pages) {
    try {
      extract(html);
    } catch {
      // Refused pages count too.
    }
  }
}
