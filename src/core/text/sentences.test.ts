import { describe, expect, test } from 'vitest';
import { splitSentences } from './sentences';

const split = (text: string, protect: { start: number; end: number }[] = []) =>
  splitSentences(text, 0, text.length, protect).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  test('splits on end punctuation before a capital', () => {
    expect(split('The bill passed. Critics were angry! Why?')).toEqual([
      'The bill passed.',
      'Critics were angry!',
      'Why?',
    ]);
  });

  test('does not split after titles, initials or abbreviations', () => {
    expect(split('Dr. Jane Roe met Mr. J. Smith in the U.S. Capitol. They talked.')).toEqual([
      'Dr. Jane Roe met Mr. J. Smith in the U.S. Capitol.',
      'They talked.',
    ]);
  });

  test('splits after a closing quotation mark', () => {
    expect(split('He was clear. “It ends now.” The room fell silent.')).toEqual([
      'He was clear.',
      '“It ends now.”',
      'The room fell silent.',
    ]);
  });

  test('keeps a short attribution after a closing mark with its quotation', () => {
    expect(split('“The plan is dead.” Smith said. Next item.')).toEqual([
      '“The plan is dead.” Smith said.',
      'Next item.',
    ]);
  });

  test('an attribution tail may open with a title, or run on with the cue’s adjunct (round 30)', () => {
    expect(
      split(
        '“Why would anyone sign?” Ms. Kerr said. “Who pays?” Mr. Ruiz asked about the plan to close the pier. Next item.',
      ),
    ).toEqual([
      '“Why would anyone sign?” Ms. Kerr said.',
      '“Who pays?” Mr. Ruiz asked about the plan to close the pier.',
      'Next item.',
    ]);
  });

  test('guard: a fronted clause after a closing mark opens a new sentence', () => {
    expect(
      split('He called it “unfit.” When Mr. Lo was revealed as a delegate, a critic said he was ashamed.'),
    ).toEqual([
      'He called it “unfit.”',
      'When Mr. Lo was revealed as a delegate, a critic said he was ashamed.',
    ]);
  });

  test('does not split inside a protected range', () => {
    const text = '“One. Two. Three,” she said. Done.';
    expect(split(text, [{ start: 0, end: 18 }])).toEqual(['“One. Two. Three,” she said.', 'Done.']);
  });

  test('"no." after a speech verb is an answer that ends the sentence; before a number it is an abbreviation', () => {
    expect(
      split('Asked if he would stand, he said no. But he said the party needed him. See No. 10 Ltd.'),
    ).toEqual([
      'Asked if he would stand, he said no.',
      'But he said the party needed him.',
      'See No. 10 Ltd.',
    ]);
  });
});
