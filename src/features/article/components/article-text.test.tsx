import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { useUiStore } from '@/stores/ui-store';
import { swatchAt } from '@/ui/palette';
import { highlightRuns } from '../highlight-runs';
import { ArticleText } from './article-text';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));
afterEach(cleanup);

const text = 'Hide Ad\nShe said: "<img src=x onerror=alert(1)> is not markup here."';
const start = text.indexOf('"');
const runs = highlightRuns(text, [{ id: 'c1', start, end: text.length }], [{ start: 0, end: 7 }]);
const looks = new Map([['c1', { swatch: swatchAt(0), speaker: 'Ann Berry', kind: 'direct quote' }]]);

describe('ArticleText', () => {
  test('renders the article as text: markup in it stays visible characters, never elements', () => {
    const { container } = render(<ArticleText runs={runs} looks={looks} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe(text);
  });

  test('dims boilerplate and makes each claim a button named for its speaker', () => {
    render(<ArticleText runs={runs} looks={looks} />);
    expect(screen.getByText('Hide Ad')).toHaveProperty('className', 'boilerplate');
    const claim = screen.getByRole('button', { name: /^Ann Berry, direct quote: / });
    expect(claim.getAttribute('tabindex')).toBe('0');
    expect(claim.getAttribute('aria-pressed')).toBe('false');
  });

  test('clicking or pressing Enter on a highlight selects its claim in the store', async () => {
    render(<ArticleText runs={runs} looks={looks} />);
    const claim = screen.getByRole('button', { name: /^Ann Berry/ });
    await userEvent.click(claim);
    expect(useUiStore.getState()).toMatchObject({ selectedClaimId: 'c1', selectionOrigin: 'text' });
    expect(claim.getAttribute('aria-pressed')).toBe('true');
    useUiStore.getState().selectionCleared();
    claim.focus();
    await userEvent.keyboard('{Enter}');
    expect(useUiStore.getState().selectedClaimId).toBe('c1');
  });
});
