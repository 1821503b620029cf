/** Reading the summarization JSONL files (format: ../shared/data/summarization/README.md). */
import { readFileSync } from 'node:fs';

export interface SummarizationRecord {
  id: string;
  title: string | null;
  article: string;
  reference: string[];
}

/** Reads one JSONL file of {id, title, article, reference} records. */
export function readRecords(path: string): SummarizationRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SummarizationRecord);
}

/** The outlet of a record from its id prefix (cnn-, dm-, xsum-). */
export function outletOf(id: string): string {
  return id.split('-')[0] ?? 'other';
}
