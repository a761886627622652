import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, expect, test } from 'vitest';
import { buildMatrix } from '@/core/compare/matrix';
import type { CompareClaim } from '@/core/compare/types';
import { PhoneView } from './phone-view';

afterEach(cleanup);

const claim: CompareClaim = {
  id: 'c0',
  speakerId: 's0',
  articleId: 'a',
  text: 'Rents rose 9%',
  verdict: 'unchecked',
  sourceCount: 0,
  date: null,
};
const matrix = buildMatrix(
  ['Did rents rise?', 'Were homes built?'].map((text, i) => ({
    id: `q${i}`,
    text,
    stances: { c0: 'for' as const },
  })),
  new Map([['c0', claim]]),
  [{ id: 's0', name: 'Sarah Lin' }],
);

function Phone() {
  const [focus, setFocus] = useState<string | null>(null);
  return (
    <MemoryRouter>
      <PhoneView
        matrix={matrix}
        focus={focus}
        onFocus={setFocus}
        articleTitles={new Map()}
        speakerHref={(id) => `/speakers/${id}`}
      />
    </MemoryRouter>
  );
}

test('Next on the last question but one keeps the keyboard on Next (a disabled button let it fall to the page)', () => {
  render(<Phone />);
  const next = screen.getByRole('button', { name: 'Next →' });
  next.focus();
  fireEvent.click(next);
  expect(screen.getByText('Question 2 of 2')).toBeTruthy();
  expect(document.activeElement).toBe(next);
  expect(next.getAttribute('aria-disabled')).toBe('true');
  fireEvent.click(next);
  expect(screen.getByText('Question 2 of 2')).toBeTruthy();
});
