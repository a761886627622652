import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readArticleSelection } from './article-selection';

// jsdom lays nothing out: a range has no box of its own there.
const had = Range.prototype.getBoundingClientRect;
beforeAll(() => {
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});
afterAll(() => {
  Range.prototype.getBoundingClientRect = had;
});

afterEach(() => {
  document.body.innerHTML = '';
  window.getSelection()?.removeAllRanges();
});

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number) {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

describe('readArticleSelection', () => {
  test('counts from the start of the text when the whole article is rendered', () => {
    document.body.innerHTML = '<div class="article-text">Hello <span>brave</span> world</div>';
    const span = document.querySelector('span')!;
    select(span.firstChild!, 0, span.firstChild!, 5);
    expect(readArticleSelection()).toMatchObject({ start: 6, end: 11, clamped: false });
  });

  test('a long article renders some paragraphs: offsets count from each paragraph’s own offset', () => {
    // Paragraphs before offset 5000 are not rendered; the text is 9000 characters long.
    document.body.innerHTML =
      '<p id="before">outside</p><div class="article-text" data-length="9000">' +
      '<div data-offset="5000">First <span class="claim-mark">claim</span> here.\n\n</div>' +
      '<div data-offset="5020">Second one.</div></div>';
    const [first, second] = document.querySelectorAll<HTMLElement>('[data-offset]');
    const mark = first!.querySelector('span')!;
    select(mark.firstChild!, 1, second!.firstChild!, 6);
    expect(readArticleSelection()).toMatchObject({ start: 5007, end: 5026, clamped: false });
    // From outside the text to the end of the first paragraph: cut to the text.
    select(document.getElementById('before')!.firstChild!, 0, first!.lastChild!, 3);
    expect(readArticleSelection()).toMatchObject({ start: 0, end: 5014, clamped: true });
    // A boundary between two paragraphs is the next paragraph's start; past the text, its length.
    const text = document.querySelector('.article-text')!;
    select(text, 1, text, 2);
    expect(readArticleSelection()).toMatchObject({ start: 5020, end: 5031 });
    select(mark.firstChild!, 0, document.body, 2);
    expect(readArticleSelection()).toMatchObject({ start: 5006, end: 9000, clamped: true });
  });
});
