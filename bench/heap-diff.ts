/**
 * `node bench/heap-diff.ts A.heapsnapshot B.heapsnapshot [top]`: which kinds of objects grew between two
 * V8 heap snapshots (by node type and constructor/name: count and self size), largest growth first.
 */
import fs from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

type Tally = Map<string, { count: number; bytes: number }>;

function tally(file: string): Tally {
  const snap = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out: Tally = new Map();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt!]!]!;
    // Strings are keyed by type only: their "name" is their text.
    const name = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? '' : snap.strings[snap.nodes[i + nameAt!]!]!.slice(0, 60);
    const key = `${type}:${name}`;
    const t = out.get(key) ?? { count: 0, bytes: 0 };
    t.count++;
    t.bytes += snap.nodes[i + sizeAt!]!;
    out.set(key, t);
  }
  return out;
}

const [a, b, top = '25'] = process.argv.slice(2);
if (a === undefined || b === undefined) throw new Error('usage: heap-diff.ts A.heapsnapshot B.heapsnapshot [top]');
const before = tally(a);
const after = tally(b);
const rows = [...new Set([...before.keys(), ...after.keys()])].map((key) => {
  const x = before.get(key) ?? { count: 0, bytes: 0 };
  const y = after.get(key) ?? { count: 0, bytes: 0 };
  return { key, count: y.count - x.count, bytes: y.bytes - x.bytes, total: y.bytes };
});
rows.sort((p, q) => q.bytes - p.bytes);
const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
let sum = 0;
for (const r of rows) sum += r.bytes;
console.log(`total self-size change: ${kb(sum)}`);
for (const r of rows.slice(0, Number(top))) console.log(`${kb(r.bytes).padStart(9)}  ${String(r.count).padStart(7)} objects  (now ${kb(r.total)})  ${r.key}`);
