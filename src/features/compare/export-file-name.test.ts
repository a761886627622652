import { describe, expect, test } from 'vitest';
import { buildMatrix } from '@/core/compare/matrix';
import type { CompareClaim } from '@/core/compare/types';
import { compareFileName } from '@/features/compare/export-file-name';

const day = new Date('2026-12-04T10:00:00Z');
const claim = (id: string, speakerId: string): CompareClaim => ({
  id,
  speakerId,
  articleId: 'a1',
  text: id,
  verdict: 'unchecked',
  sourceCount: 0,
  date: null,
});

function matrixOf(names: readonly string[], questions: readonly string[]) {
  const speakers = names.map((name, i) => ({ id: `s${i}`, name }));
  const claims = new Map(speakers.map((s) => [`c-${s.id}`, claim(`c-${s.id}`, s.id)]));
  const stances = Object.fromEntries([...claims.keys()].map((id) => [id, 'for' as const]));
  return buildMatrix(
    questions.map((text, i) => ({ id: `q${i}`, text, stances })),
    claims,
    speakers,
  );
}

describe('compare export file names', () => {
  test('two speakers: both names, the date, safe characters only', () => {
    const m = matrixOf(['Alan Billings', 'José Núñez-O’Brien'], ['Is it organised?', 'Did police act?']);
    expect(compareFileName(m, 'csv', day)).toBe(
      'claimdesk-compare-alan-billings-vs-jose-nunez-o-brien-2026-12-04.csv',
    );
  });

  test('many speakers and one question: the question; many questions: the first two and a count', () => {
    const five = ['A One', 'B Two', 'C Three', 'D Four', 'E Five'];
    expect(compareFileName(matrixOf(five, ['Should rents be capped in Leeds?']), 'md', day)).toBe(
      'claimdesk-compare-should-rents-be-capped-in-leeds-2026-12-04.md',
    );
    expect(compareFileName(matrixOf(five, ['Q one?', 'Q two?']), 'csv', day)).toBe(
      'claimdesk-compare-a-one-vs-b-two-and-3-more-2026-12-04.csv',
    );
  });

  test('names with nothing safe in them, and no speakers at all, still give a plain name', () => {
    expect(compareFileName(matrixOf(['«»', '/\\:*?'], ['Q?', 'R?']), 'csv', day)).toBe(
      'claimdesk-compare-2026-12-04.csv',
    );
    expect(compareFileName(matrixOf(['<script>', '../../etc'], ['Q?']), 'csv', day)).toMatch(
      /^claimdesk-compare-(script-vs-etc|etc-vs-script)-2026-12-04\.csv$/,
    );
  });
});
