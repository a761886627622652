import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, test } from 'vitest';
import { swatchAt } from '@/ui/palette';
import { highlightRuns } from '../highlight-runs';
import { ArticleText } from './article-text';

afterEach(cleanup);

const text = 'Hide Ad\nShe said: "<img src=x onerror=alert(1)> is not markup here."';
const start = text.indexOf('"');
const runs = highlightRuns(text, [{ id: 'c1', start, end: text.length }], [{ start: 0, end: 7 }]);
const looks = new Map([['c1', { swatch: swatchAt(0), speaker: 'Ann Berry', kind: 'Direct quote' }]]);

function renderText() {
  const element = <ArticleText runs={runs} looks={looks} />;
  const router = createMemoryRouter(
    [
      { path: '/articles/:articleId', element },
      { path: '/articles/:articleId/claims/:claimId', element },
    ],
    { initialEntries: ['/articles/a1'] },
  );
  const view = render(<RouterProvider router={router} />);
  return { router, container: view.container };
}

describe('ArticleText', () => {
  test('renders the article as text: markup in it stays visible characters, never elements', () => {
    const { container } = renderText();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe(text);
  });

  test('dims boilerplate and makes each claim a button named for its speaker', () => {
    renderText();
    expect(screen.getByText('Hide Ad')).toHaveProperty('className', 'boilerplate');
    const claim = screen.getByRole('button', { name: /^Ann Berry, Direct quote: / });
    expect(claim.getAttribute('tabindex')).toBe('0');
    expect(claim.getAttribute('aria-pressed')).toBe('false');
  });

  test('clicking or pressing Enter on a highlight opens its claim in the URL', async () => {
    const { router } = renderText();
    const claim = screen.getByRole('button', { name: /^Ann Berry/ });
    await act(() => userEvent.click(claim));
    expect(router.state.location.pathname).toBe('/articles/a1/claims/c1');
    expect(router.state.location.state).toMatchObject({ origin: 'text' });
    expect(screen.getByRole('button', { name: /^Ann Berry/ }).getAttribute('aria-pressed')).toBe('true');
    await act(() => router.navigate('/articles/a1'));
    screen.getByRole('button', { name: /^Ann Berry/ }).focus();
    await act(() => userEvent.keyboard('{Enter}'));
    expect(router.state.location.pathname).toBe('/articles/a1/claims/c1');
  });
});
