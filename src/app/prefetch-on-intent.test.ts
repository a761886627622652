import { afterEach, describe, expect, test, vi } from 'vitest';
import { prefetchOnIntent } from './prefetch-on-intent';

const link = (href: string) => {
  const a = document.createElement('a');
  a.href = href;
  a.append(document.createElement('span'));
  document.body.append(a);
  return a;
};
const hover = (el: Element) => el.dispatchEvent(new Event('pointerover', { bubbles: true }));
const focus = (el: Element) => el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));

afterEach(() => {
  document.body.replaceChildren();
});

describe('prefetchOnIntent', () => {
  test('loads a screen once when a pointer or the focus reaches a link to it, and no other', () => {
    const compare = vi.fn();
    const speaker = vi.fn();
    const stop = prefetchOnIntent(
      new Map([
        ['a[href^="/compare"]', compare],
        ['a[href^="/speakers/"]', speaker],
      ]),
    );
    hover(link('/settings'));
    expect(compare).not.toHaveBeenCalled();
    const nav = link('/compare');
    hover(nav.firstElementChild!); // the link's text, inside it
    focus(nav);
    hover(link('/compare?articles=a,b'));
    expect(compare).toHaveBeenCalledTimes(1);
    expect(speaker).not.toHaveBeenCalled();
    stop();
    focus(link('/speakers/s-1'));
    expect(speaker).not.toHaveBeenCalled(); // removed
  });

  test('stops listening once every screen is loaded', () => {
    const remove = vi.spyOn(document, 'removeEventListener');
    const load = vi.fn();
    prefetchOnIntent(new Map([['a[href^="/speakers/"]', load]]));
    focus(link('/speakers/s-1'));
    expect(load).toHaveBeenCalledTimes(1);
    expect(remove.mock.calls.map(([type]) => type).sort()).toEqual(['focusin', 'pointerover']);
    remove.mockRestore();
  });
});
