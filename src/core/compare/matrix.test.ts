import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { VERDICTS } from '../model/types';
import { matrixToCsv, matrixToMarkdown, NOTHING_SAID } from './export';
import { buildMatrix, verdictTally } from './matrix';
import type { CompareClaim, CompareQuestion, CompareSpeaker } from './types';

const speakers: CompareSpeaker[] = [
  { id: 'billings', name: 'Alan Billings' },
  { id: 'councillors', name: 'Conservative councillors' },
  { id: 'cartlidge', name: 'James Cartlidge' },
  { id: 'stafford', name: 'Alexander Stafford' },
];

const claim = (id: string, speakerId: string, over: Partial<CompareClaim> = {}): CompareClaim => ({
  id,
  speakerId,
  articleId: 'a1',
  text: `claim ${id}`,
  verdict: 'unchecked',
  sourceCount: 0,
  date: '2024-01-10',
  ...over,
});

const claims = new Map(
  [
    claim('b1', 'billings', { verdict: 'false', sourceCount: 2 }),
    claim('b2', 'billings', { articleId: 'a2', date: '2023-05-01', sourceCount: 1 }),
    claim('c1', 'councillors', { verdict: 'true', sourceCount: 1 }),
    claim('m1', 'cartlidge'),
    claim('s1', 'stafford'),
  ].map((c) => [c.id, c]),
);

const questions: CompareQuestion[] = [
  {
    id: 'q1',
    text: 'Is exploitation still organised in Rotherham?',
    stances: { b1: 'against', c1: 'for', s1: 'for', b2: 'against' },
  },
  { id: 'q2', text: 'Have things improved since the Jay report?', stances: { m1: 'for', b1: 'neutral' } },
  { id: 'q3', text: 'A question nobody answered yet', stances: {} },
];

describe('compare matrix', () => {
  test('speakers × questions, claims of several articles in one column, empty cells, conflicts', () => {
    const m = buildMatrix(questions, claims, speakers);
    // most placed claims first, then by name
    expect(m.columns.map((c) => c.id)).toEqual(['billings', 'stafford', 'councillors', 'cartlidge']);
    const [q1, q2, q3] = m.rows;
    const billings = q1!.cells[0]!;
    expect(billings.entries.map((e) => e.claim.id)).toEqual(['b2', 'b1']); // by date, across articles
    expect(billings).toMatchObject({ stance: 'against', sourceCount: 3 });
    expect(q1!.conflict).toBe(true);
    expect(q1!.forSpeakerIds).toEqual(['stafford', 'councillors']);
    expect(q1!.againstSpeakerIds).toEqual(['billings']);
    expect(q1!.cells[3]!.entries).toEqual([]);
    expect(q1!.cells[3]!.stance).toBeNull();
    expect(q2!.conflict).toBe(false);
    expect(q3!.cells.every((c) => c.entries.length === 0)).toBe(true);
  });

  test('a speaker both for and against alone is mixed, not a conflict', () => {
    const m = buildMatrix([{ id: 'q', text: 'Q', stances: { b1: 'for', b2: 'against' } }], claims, speakers);
    expect(m.rows[0]!.conflict).toBe(false);
    expect(m.rows[0]!.cells[0]!.stance).toBe('mixed');
  });

  test('columns chosen, reordered and hidden; the conflict is among the shown columns', () => {
    const m = buildMatrix(questions, claims, speakers, {
      columns: ['cartlidge', 'billings', 'nobody', 'councillors'],
      hidden: ['councillors'],
    });
    expect(m.columns.map((c) => c.id)).toEqual(['cartlidge', 'billings']);
    expect(m.available.map((c) => c.id)).toEqual(['billings', 'stafford', 'councillors', 'cartlidge']);
    expect(m.rows[0]!.conflict).toBe(false);
    expect(m.rows[1]!.cells.map((c) => c.stance)).toEqual(['for', 'neutral']);
  });

  test('placed claims deleted since are counted as missing, not shown', () => {
    const m = buildMatrix([{ id: 'q', text: 'Q', stances: { gone: 'for', c1: 'for' } }], claims, speakers);
    expect(m.missing).toBe(1);
    expect(m.columns.map((c) => c.id)).toEqual(['councillors']);
  });

  test('verdict tally in scale order', () => {
    expect(verdictTally([...claims.values()], VERDICTS)).toEqual([
      { verdict: 'unchecked', count: 3 },
      { verdict: 'true', count: 1 },
      { verdict: 'false', count: 1 },
    ]);
  });
});

describe('compare exports', () => {
  const evil = new Map(claims);
  evil.set('c1', claim('c1', 'councillors', { text: '=HYPERLINK("http://x","click")', verdict: 'true' }));
  const m = buildMatrix(
    [{ id: 'q', text: '+1 | Is it *so*?', stances: { c1: 'for', b1: 'against' } }],
    evil,
    speakers,
    { columns: ['councillors', 'billings', 'cartlidge'] },
  );

  test('CSV: one row per claim and per empty cell, formulas neutralised, parses back', () => {
    const parsed = Papa.parse<string[]>(matrixToCsv(m, new Map([['a1', 'Rotherham story']])), {
      skipEmptyLines: true,
    }).data;
    expect(parsed[0]).toEqual([
      'question',
      'speaker',
      'stance',
      'claim',
      'verdict',
      'sources',
      'article',
      'date',
      'conflict',
    ]);
    expect(parsed.slice(1)).toEqual([
      [
        "'+1 | Is it *so*?",
        'Conservative councillors',
        'For',
        '\'=HYPERLINK("http://x","click")',
        'True',
        '0',
        'Rotherham story',
        '2024-01-10',
        'yes',
      ],
      [
        "'+1 | Is it *so*?",
        'Alan Billings',
        'Against',
        'claim b1',
        'False',
        '2',
        'Rotherham story',
        '2024-01-10',
        'yes',
      ],
      ["'+1 | Is it *so*?", 'James Cartlidge', '', NOTHING_SAID, '', '', '', '', 'yes'],
    ]);
  });

  test('CSV: the claims export’s formula guard (spaces before a sign, full-width signs, a line feed first)', () => {
    const hostile = [' =1+1', '\uff1dSUM(A1)', '\n=cmd|x', '  @SUM(1)', '-5 degrees'];
    const texts = new Map(claims);
    for (const [i, text] of hostile.entries()) texts.set(`h${i}`, claim(`h${i}`, 'billings', { text }));
    const stances = Object.fromEntries(hostile.map((_, i) => [`h${i}`, 'for' as const]));
    const csv = matrixToCsv(buildMatrix([{ id: 'q', text: 'q?', stances }], texts, speakers));
    const cells = Papa.parse<string[]>(csv, { skipEmptyLines: true })
      .data.slice(1)
      .map((r) => r[3]);
    expect(cells.toSorted()).toEqual(hostile.map((t) => `'${t}`).toSorted());
    // a plain number stays a number, as in the claims CSV
    texts.set('n', claim('n', 'billings', { text: '-2' }));
    const one = matrixToCsv(buildMatrix([{ id: 'q', text: 'q?', stances: { n: 'for' } }], texts, speakers));
    expect(Papa.parse<string[]>(one, { skipEmptyLines: true }).data[1]![3]).toBe('-2');
  });

  test('Markdown: a stance table and a section per question, text escaped', () => {
    const md = matrixToMarkdown(m, 'Rotherham');
    expect(md).toContain('| Question | Conservative councillors | Alan Billings | James Cartlidge |');
    expect(md).toContain('| **Conflict:** +1 \\| Is it \\*so\\*? | For | Against | — |');
    expect(md).toContain(`- **James Cartlidge**: ${NOTHING_SAID}`);
    expect(md).toContain('  - Against: “claim b1” (False, 2 sources; 2024-01-10)');
  });
});
