/**
 * A valid news page near the extractor's element cap (~20,000 elements): what a long live blog or
 * a page with a huge comment thread looks like. Parsing it takes the better part of a second.
 */
const WORDS = ['council', 'budget', 'river', 'school', 'transport', 'harvest', 'hospital', 'election', 'bridge', 'market', 'energy', 'housing'];

/** The page, with `paragraphs` paragraphs of six inline elements each (≈ 8 elements per paragraph). */
export function bigArticleHtml(paragraphs = 2_850): string {
  const body: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const w = (k: number): string => WORDS[(i * 7 + k) % WORDS.length]!;
    if (i % 40 === 0) body.push(`<h2>Update ${i / 40 + 1}: the ${w(1)} and the ${w(2)}</h2>`);
    body.push(
      `<p>At ${i % 24}:${String(i % 60).padStart(2, '0')} the <b>${w(0)}</b> committee said the ${w(3)} plan, number ${i}, ` +
        `would <em>change</em> how the ${w(4)} is run, according to <a href="/report/${i}">report ${i}</a>. ` +
        `Officials <i>expect</i> the ${w(5)} vote in <span>${1990 + (i % 30)}</span>, and <strong>residents</strong> ` +
        `in district ${i % 17} asked for the ${w(6)} figures.</p>`,
    );
  }
  return `<!DOCTYPE html><html lang="en"><head><title>Live: the long day at the city council</title>
<meta property="og:site_name" content="Local Test News"></head><body><article><h1>Live: the long day at the city council</h1>
${body.join('\n')}</article></body></html>`;
}
