import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { buildMatrix } from '@/core/compare/matrix';
import type { CompareClaim } from '@/core/compare/types';
import { MatrixTable } from './matrix-table';

afterEach(cleanup);

const speakers = Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, name: `Speaker ${i}` }));
const claims = new Map<string, CompareClaim>(
  Array.from({ length: 30 }, (_, q) => {
    const id = `c${q}`;
    const claim: CompareClaim = {
      id,
      speakerId: `s${q % 3}`,
      articleId: 'a',
      text: `Claim ${q}`,
      verdict: 'unchecked',
      sourceCount: 0,
      date: '2026-01-01',
    };
    return [id, claim];
  }),
);
const questions = Array.from({ length: 30 }, (_, q) => ({
  id: `q${String(q).padStart(2, '0')}`,
  text: `Question ${q}?`,
  stances: { [`c${q}`]: 'for' as const },
}));

const renderMatrix = (
  articleTitles: ReadonlyMap<string, string> = new Map(),
  onTakeOff: (questionId: string, claimId: string) => void = () => {},
) =>
  render(
    <MemoryRouter>
      <MatrixTable
        matrix={buildMatrix(questions, claims, speakers)}
        caption="Positions"
        articleTitles={articleTitles}
        speakerHref={(id) => `/speakers/${id}`}
        onTakeOff={onTakeOff}
      />
    </MemoryRouter>,
  );

describe('MatrixTable', () => {
  test('every question row is in the first commit, not only the first screen of them', () => {
    renderMatrix();
    // no frame has run since the render: what shows is what the first commit holds
    const table = screen.getByRole('table', { name: 'Positions' });
    expect(within(table).getAllByRole('rowheader')).toHaveLength(30);
    expect(within(table).getByRole('rowheader', { name: 'Question 29?' })).toBeTruthy();
    expect(within(table).getAllByText('said nothing on this')).toHaveLength(60);
  });

  test('its scroll box carries the row count, which sizes it while it is off-screen and not laid out', () => {
    const { container } = renderMatrix();
    const box = container.querySelector<HTMLElement>('.matrix-scroll')!;
    expect(box.style.getPropertyValue('--matrix-rows')).toBe('30');
  });

  test('a claim in a cell is four elements: its item, the stance, the meta line (article included) and Take off', () => {
    const { container } = renderMatrix(new Map([['a', 'The article']]));
    const items = container.querySelectorAll('li.cell-entry');
    expect(items).toHaveLength(30);
    const first = items[0]!;
    expect(first.querySelectorAll('*')).toHaveLength(3);
    expect(first.textContent).toBe('For“Claim 0”Unchecked · 0 sources · 2026-01-01 · The articleTake off');
  });

  test('Take off, handled on the table, names the question of its row and its claim', () => {
    const onTakeOff = vi.fn();
    renderMatrix(new Map(), onTakeOff);
    fireEvent.click(screen.getByRole('button', { name: 'Take off: “Claim 7”' }));
    expect(onTakeOff).toHaveBeenCalledExactlyOnceWith('q07', 'c7');
    fireEvent.click(screen.getByRole('rowheader', { name: 'Question 7?' }));
    expect(onTakeOff).toHaveBeenCalledTimes(1);
  });

  /** One question with these claims placed, as the compare screen renders it after each write. */
  const placed = (stances: Readonly<Record<string, 'for' | 'against'>>) => (
    <MemoryRouter>
      <MatrixTable
        matrix={buildMatrix([{ id: 'q', text: 'Is it safe?', stances }], claims, speakers)}
        caption="Positions"
        articleTitles={new Map()}
        speakerHref={(id) => `/speakers/${id}`}
        onTakeOff={() => {}}
      />
    </MemoryRouter>
  );

  /** Takes a claim off with its button, then renders what the write leaves placed. */
  const takeOff = (before: Record<string, 'for' | 'against'>, words: string, after: typeof before) => {
    const { rerender } = render(placed(before));
    const button = screen.getByRole('button', { name: `Take off: “${words}”` });
    button.focus();
    fireEvent.click(button);
    rerender(placed(after));
  };

  test('a Take off that empties a speaker’s column leaves the keyboard on the question, not the page', () => {
    // Speaker 1 has nothing placed after it, so their column goes
    takeOff({ c0: 'for', c1: 'against' }, 'Claim 1', { c0: 'for' });
    expect(screen.queryByRole('columnheader', { name: 'Speaker 1' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('rowheader', { name: 'Is it safe?' }));
  });

  test('a Take off that leaves the column keeps the keyboard in that cell', () => {
    // claims 0 and 3 are both Speaker 0's
    takeOff({ c0: 'for', c3: 'against' }, 'Claim 3', { c0: 'for' });
    expect(document.activeElement?.getAttribute('data-cell')).toBe('0:1');
  });
});
