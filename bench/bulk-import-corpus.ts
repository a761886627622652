/** A made-up news corpus for the bulk import benchmark: `claims` attributed quotes an article, distinct texts. */
const PEOPLE = [
  ['Jo Hart', 'the mayor'],
  ['Priya Shah', 'the council leader'],
  ['Tom Okafor', 'the transport minister'],
  ['Ann Lee', 'the harbour master'],
  ['Dev Patel', 'a union spokesman'],
  ['Mary Quinn', 'the health secretary'],
] as const;
const TOPICS = ['bus routes', 'the bridge', 'school meals', 'flood defences', 'rail fares', 'waiting lists'];
/**
 * The documents an article cites, each a speaker of its own ("…, according to report 17-3" is the
 * report's claim), new to the library: 8 in 25 claims make 0.32 new speakers a claim, against 0.30
 * in PolNeAR's news imported in order (`npx tsx scripts/speaker-rates.ts`). A report a claim made 0.48.
 */
const REPORTS_PER_ARTICLE = 8;

export function corpusArticle(i: number, claims: number): { title: string; text: string } {
  const title = `Council budget, part ${i}`;
  const paragraphs = Array.from({ length: claims }, (_, k) => {
    const [name, role] = PEOPLE[(i + k) % PEOPLE.length]!;
    const topic = TOPICS[(i * 7 + k) % TOPICS.length]!;
    return k % 2 === 0
      ? `${name}, ${role}, said: "Spending on ${topic} will rise by ${((i * 31 + k * 7) % 90) + 5} per cent in year ${i}."`
      : `${name} said that ${topic} had cost £${((i * 13 + k) % 400) + 20}m since ${2000 + (k % 24)}, according to report ${i}-${(k >> 1) % REPORTS_PER_ARTICLE}.`;
  });
  return { title, text: `${title}\n\n${paragraphs.join('\n\n')}` };
}

export function corpusJsonl(articles: number, claims: number): string {
  return Array.from({ length: articles }, (_, i) =>
    JSON.stringify({ id: `a${i}`, ...corpusArticle(i, claims) }),
  ).join('\n');
}
