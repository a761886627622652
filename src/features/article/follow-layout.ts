import { elementScroll, windowScroll } from '@tanstack/react-virtual';

/**
 * After the open claim is scrolled to, the layout can still move it: the claim panel mounts a frame
 * after the selection (useAfterPaint) and, on a wide screen, narrows the text's and the list's columns,
 * so the text wraps again and a highlight scrolled to the bottom edge ends up below it (long-article's
 * `j` story, under load: three quick `j`s were scrolled to before the panel first opened); a
 * virtualised list or text measures its rows and moves them too.
 *
 * `followLayout(el, again)` calls `again` each time `el` changes size, until the person moves the view
 * or the returned function runs (a new selection). The person moves it with input (wheel, touch,
 * pointer, a key) or with no input event at all: a drag of the page's scrollbar, find in page, an
 * assistive technology. So any scroll the app did not make stops the following too; the app's own
 * scrolls are made through `appScroll` (a virtualiser's through `followedElementScroll`/`followedWindowScroll`), and a scroll the layout
 * makes itself (scroll anchoring, a shorter page) comes with the size change that is followed.
 * Sizes are compared with the one `el` has when this is called, so a change landing in the same frame counts.
 */
const PERSON = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/**
 * A scroll's events are sent on the frames after it is made, and a smooth one's until it ends: a scroll
 * event counts as the app's until the second frame after the last scroll it made or layout change it
 * followed, or, for what a smooth scroll of the app's set moving, until that scroll ends.
 */
const own = { frames: 0, frame: 0, smooth: false, moving: new Set<EventTarget>() };

function markOwn(smooth: boolean): void {
  if (smooth) own.smooth = true;
  own.frames = 2;
  cancelAnimationFrame(own.frame);
  const tick = () => {
    own.frames -= 1;
    if (own.frames > 0) own.frame = requestAnimationFrame(tick);
    else own.smooth = false;
  };
  own.frame = requestAnimationFrame(tick);
}

function scrollIsOwn(event: Event): boolean {
  if (event.target && own.smooth && own.frames > 0) own.moving.add(event.target);
  return own.frames > 0 || (event.target !== null && own.moving.has(event.target));
}

if (typeof window !== 'undefined') {
  window.addEventListener('scrollend', (event) => event.target && own.moving.delete(event.target), {
    capture: true,
    passive: true,
  });
}

/** Makes a scroll the followed views must not take for the person's. */
export function appScroll(scroll: () => void, smooth = false): void {
  markOwn(smooth);
  scroll();
}

/** A virtualiser's `scrollToFn` (its jumps, and its corrections as rows are measured) made with `appScroll`. */
export const followedElementScroll: typeof elementScroll = (offset, options, v) =>
  appScroll(() => elementScroll(offset, options, v), options.behavior === 'smooth');

export const followedWindowScroll: typeof windowScroll = (offset, options, v) =>
  appScroll(() => windowScroll(offset, options, v), options.behavior === 'smooth');

export function followLayout(el: Element, again: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  const sizeOf = () => {
    const box = el.getBoundingClientRect();
    return `${box.width}x${box.height}`;
  };
  let size = sizeOf();
  const observer = new ResizeObserver(() => {
    const next = sizeOf();
    if (next === size) return;
    size = next;
    appScroll(again);
  });
  observer.observe(el);
  const onScroll = (event: Event) => {
    if (!scrollIsOwn(event)) stop();
  };
  const stop = () => {
    observer.disconnect();
    for (const type of PERSON) window.removeEventListener(type, stop, true);
    window.removeEventListener('scroll', onScroll, true);
  };
  for (const type of PERSON) window.addEventListener(type, stop, { capture: true, passive: true });
  window.addEventListener('scroll', onScroll, { capture: true, passive: true });
  return stop;
}
