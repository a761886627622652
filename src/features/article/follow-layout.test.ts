import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { appScroll, followLayout } from '@/features/article/follow-layout';
import { stubManualResizeObserver } from '@/test/dom';

let frames = new Map<number, FrameRequestCallback>();
let lastFrame = 0;
const nextFrame = () => {
  const due = [...frames.values()];
  frames.clear();
  for (const run of due) run(0);
};
let resized: () => void = () => {};
let width = 700;
let el: HTMLElement;
let followed = 0;

beforeEach(() => {
  frames = new Map();
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => {
    frames.set(++lastFrame, run);
    return lastFrame;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  resized = stubManualResizeObserver().changed;
  el = document.createElement('div');
  width = 700;
  el.getBoundingClientRect = () => ({ width, height: 900 }) as DOMRect;
  followed = 0;
});

afterEach(() => {
  // Whatever the story left moving ends, and the app's last scroll is behind it.
  window.dispatchEvent(new Event('scrollend'));
  for (let i = 0; i < 3; i++) nextFrame();
  vi.unstubAllGlobals();
});

const layoutChanges = () => {
  width -= 10;
  resized();
};
const scrolls = (target: EventTarget = window) => target.dispatchEvent(new Event('scroll'));

describe('followLayout', () => {
  test('brings the view back after each change of size, until a scroll the app did not make', () => {
    followLayout(el, () => followed++);
    layoutChanges();
    expect(followed).toBe(1);
    // The events of the app's own scroll, and of the layout's, arrive on the next frame: still followed.
    nextFrame();
    scrolls();
    layoutChanges();
    expect(followed).toBe(2);
    for (let i = 0; i < 3; i++) nextFrame();
    // The person drags the scrollbar (no wheel, pointer or key reaches the page): the view is theirs.
    scrolls();
    layoutChanges();
    expect(followed).toBe(2);
  });

  test('a scroll the app makes does not stop the following, on any scroller', () => {
    followLayout(el, () => followed++);
    for (let i = 0; i < 3; i++) nextFrame();
    const list = document.createElement('ul');
    appScroll(() => {});
    nextFrame();
    scrolls(list);
    layoutChanges();
    expect(followed).toBe(1);
  });

  test("a smooth scroll of the app's is its own until it ends, however many frames it takes", () => {
    followLayout(el, () => followed++);
    appScroll(() => {}, true);
    nextFrame();
    scrolls();
    for (let i = 0; i < 10; i++) {
      nextFrame();
      scrolls();
    }
    layoutChanges();
    expect(followed).toBe(1);
    window.dispatchEvent(new Event('scrollend'));
    for (let i = 0; i < 3; i++) nextFrame();
    scrolls();
    layoutChanges();
    expect(followed).toBe(1);
  });

  test('a smooth scroll that moved nothing leaves the next scroll to the person', () => {
    followLayout(el, () => followed++);
    appScroll(() => {}, true);
    for (let i = 0; i < 3; i++) nextFrame();
    scrolls();
    layoutChanges();
    expect(followed).toBe(0);
  });

  test("the person's input stops it, and so does the returned function", () => {
    followLayout(el, () => followed++);
    window.dispatchEvent(new KeyboardEvent('keydown'));
    layoutChanges();
    expect(followed).toBe(0);
    const stop = followLayout(el, () => followed++);
    stop();
    layoutChanges();
    expect(followed).toBe(0);
  });
});
