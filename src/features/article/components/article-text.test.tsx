import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ArticleText, type ClaimLook, LONG_TEXT } from '@/features/article/components/article-text';
import { highlightRuns } from '@/features/article/highlight-runs';
import { stubManualResizeObserver, stubResizeObserver } from '@/test/dom';
import { swatchAt } from '@/ui/palette';

afterEach(cleanup);

const text = 'Hide Ad\nShe said: "<img src=x onerror=alert(1)> is not markup here."';
const start = text.indexOf('"');
const runs = highlightRuns(text, [{ id: 'c1', start, end: text.length }], [{ start: 0, end: 7 }]);
const looks = new Map([
  ['c1', { swatch: swatchAt(0), speaker: 'Ann Berry', kind: 'Direct quote', parts: ['c1'], part: null }],
]);

function renderText(r = runs, l: ReadonlyMap<string, ClaimLook> = looks, url = '/articles/a1') {
  const element = <ArticleText runs={r} looks={l} />;
  const router = createMemoryRouter(
    [
      { path: '/articles/:articleId', element },
      { path: '/articles/:articleId/claims/:claimId', element },
    ],
    { initialEntries: [url] },
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

  test('the parts of one quotation light up together, and tab stops at its first part only', async () => {
    const split = '“The dock opens in May,” said Tova Lind. “Then the breakwater.”';
    const a = { id: 'p1', start: 0, end: split.indexOf(',') + 2 };
    const b = { id: 'p2', start: split.lastIndexOf('“'), end: split.length };
    const partLook = (part: string) => ({
      swatch: swatchAt(0),
      speaker: 'Tova Lind',
      kind: 'Direct quote',
      parts: ['p1', 'p2'],
      part,
    });
    const grouped = new Map([
      ['p1', partLook('part 1 of 2')],
      ['p2', partLook('part 2 of 2')],
    ]);
    const { router } = renderText(highlightRuns(split, [a, b], []), grouped);
    await act(() => userEvent.click(screen.getByRole('button', { name: /part 2 of 2/ })));
    expect(router.state.location.pathname).toBe('/articles/a1/claims/p2');
    const first = screen.getByRole('button', { name: /^Tova Lind, Direct quote, part 1 of 2: / });
    const second = screen.getByRole('button', { name: /^Tova Lind, Direct quote, part 2 of 2: / });
    expect(first.getAttribute('aria-pressed')).toBe('true');
    expect(second.getAttribute('aria-pressed')).toBe('true');
    expect(second.hasAttribute('data-current')).toBe(true);
    expect(first.hasAttribute('data-current')).toBe(false);
    expect(first.getAttribute('tabindex')).toBe('0');
    expect(second.getAttribute('tabindex')).toBe('-1');
  });

  test('in a long text, opening another claim renders the paragraphs it leaves and lights, not the text', async () => {
    stubResizeObserver();
    const paragraph = 'Plain words of the article, of no one in particular, said at some length. ';
    const long = `Ann Berry said the bus routes were cut.\n\nTova Lind said the dock opens in May.\n\n${paragraph
      .repeat(8)
      .concat('\n\n')
      .repeat(Math.ceil(LONG_TEXT / 600))}`;
    const a = { id: 'a', start: 0, end: 39 };
    const b = { id: 'b', start: long.indexOf('Tova'), end: long.indexOf('May.') + 4 };
    const longRuns = highlightRuns(long, [a, b], []);
    // The text reads its last run's end whenever it renders.
    let reads = 0;
    const at = longRuns.at.bind(longRuns);
    Object.defineProperty(longRuns, 'at', {
      value: (i: number) => {
        reads++;
        return at(i);
      },
    });
    const look = (speaker: string) => ({
      swatch: swatchAt(0),
      speaker,
      kind: 'Paraphrase',
      parts: [],
      part: null,
    });
    const longLooks = new Map([
      ['a', { ...look('Ann Berry'), parts: ['a'] }],
      ['b', { ...look('Tova Lind'), parts: ['b'] }],
    ]);
    renderText(longRuns, longLooks);
    const mark = (name: RegExp) => screen.getByRole('button', { name });
    await act(() => userEvent.click(mark(/^Ann Berry/)));
    expect(mark(/^Ann Berry/).getAttribute('aria-pressed')).toBe('true');
    reads = 0;
    await act(() => userEvent.click(mark(/^Tova Lind/)));
    expect(mark(/^Tova Lind/).getAttribute('aria-pressed')).toBe('true');
    expect(mark(/^Ann Berry/).getAttribute('aria-pressed')).toBe('false');
    expect(reads).toBe(0);
    vi.unstubAllGlobals();
  });

  test('the open claim is scrolled to again when the text wraps again (the panel opening beside it), until the person scrolls', async () => {
    const layout = stubManualResizeObserver();
    vi.stubGlobal('CSS', { escape: (s: string) => s });
    const scrolled: Array<{ id: string | null; options: unknown }> = [];
    // jsdom has no scrollIntoView: each call is recorded.
    Object.defineProperty(Element.prototype, 'scrollIntoView', {
      configurable: true,
      value(this: Element, options: unknown) {
        scrolled.push({ id: this.getAttribute('data-claim-id'), options });
      },
    });
    const { router, container } = renderText();
    const text = container.querySelector<HTMLElement>('.article-text')!;
    let width = 700;
    text.getBoundingClientRect = () => ({ width, height: 900 }) as DOMRect;
    const layoutChanges = (to: number) => {
      width = to;
      layout.changed();
    };

    await act(() => router.navigate('/articles/a1/claims/c1', { state: { origin: 'keyboard' } }));
    expect(scrolled).toEqual([{ id: 'c1', options: { block: 'nearest', behavior: 'smooth' } }]);
    // The panel opens a frame later and the column narrows: the highlight is brought back into view.
    act(() => layoutChanges(430));
    expect(scrolled).toHaveLength(2);
    expect(scrolled[1]).toEqual({ id: 'c1', options: { block: 'nearest' } });
    // Observed again at the same size: nothing moves.
    act(() => layoutChanges(430));
    expect(scrolled).toHaveLength(2);
    // Once the person scrolls, the page is theirs.
    window.dispatchEvent(new WheelEvent('wheel'));
    act(() => layoutChanges(600));
    expect(scrolled).toHaveLength(2);
    // A claim opened from the text itself is where the person is looking: no scroll at all.
    await act(() => router.navigate('/articles/a1', { state: {} }));
    await act(() => router.navigate('/articles/a1/claims/c1', { state: { origin: 'text' } }));
    act(() => layoutChanges(430));
    expect(scrolled).toHaveLength(2);
    Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
    vi.unstubAllGlobals();
  });
});
