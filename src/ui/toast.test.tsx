import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { dismissToast, showToast, Toaster } from '@/ui/toast';

const shown: number[] = [];
const toast = (message: string, options?: Parameters<typeof showToast>[1]) => {
  act(() => {
    shown.push(showToast(message, options));
  });
};
const messages = () => [...document.querySelectorAll('.toast > span')].map((m) => m.textContent);

// The toasts' clock (4 and 8 s) and the frame that gives the focus back run on fake timers: a test
// never waits on real time, so a loaded machine cannot expire a toast before the test looks at it.
// The toast list is one module's state, shared between the ui project's files (isolate: false):
// src/test/setup-ui.ts empties it before each test.
beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  act(() => {
    for (const id of shown.splice(0)) dismissToast(id);
  });
  cleanup();
  vi.useRealTimers();
});

describe('toasts', () => {
  test('the same message again replaces the one shown, and at most three are kept', () => {
    render(<Toaster />);
    for (let i = 0; i < 3; i++)
      toast('Placed as For under “Q?”.', { action: { label: 'Undo', run: () => {} } });
    expect(messages()).toEqual(['Placed as For under “Q?”.']);
    for (const m of ['one', 'two', 'three', 'four']) toast(m);
    expect(messages()).toEqual(['two', 'three', 'four']);
  });

  test('a toast lives 4 s, or 8 s with an action, then goes', () => {
    render(<Toaster />);
    toast('Saved.');
    toast('Deleted “Rotherham”.', { action: { label: 'Undo', run: () => {} } });
    act(() => vi.advanceTimersByTime(4_100));
    expect(messages()).toEqual(['Deleted “Rotherham”.']);
    act(() => vi.advanceTimersByTime(4_000));
    expect(messages()).toEqual([]);
  });

  test('a toast with the same key replaces the one shown, whatever its message', () => {
    render(<Toaster />);
    toast('Placed as For under “Q?”.', { key: 'place' });
    toast('Placed as Against under “Q?”.', { key: 'place' });
    toast('Question added: “R?”');
    expect(messages()).toEqual(['Placed as Against under “Q?”.', 'Question added: “R?”']);
  });

  test('the clock stops while the keyboard is in a toast, and starts again when it leaves', () => {
    render(
      <>
        <button type="button">elsewhere</button>
        <Toaster />
      </>,
    );
    toast('Set 3 claims to False.');
    act(() => screen.getByRole('button', { name: 'Dismiss' }).focus());
    act(() => vi.advanceTimersByTime(20_000));
    expect(messages()).toEqual(['Set 3 claims to False.']);
    act(() => screen.getByRole('button', { name: 'elsewhere' }).focus());
    act(() => vi.advanceTimersByTime(4_100));
    expect(messages()).toEqual([]);
  });

  test('the pointer on the toasts stops the clock too', () => {
    render(<Toaster />);
    toast('Deleted “Rotherham”.');
    fireEvent.mouseEnter(document.querySelector('.toaster')!);
    act(() => vi.advanceTimersByTime(20_000));
    expect(messages()).toEqual(['Deleted “Rotherham”.']);
  });

  test('Esc dismisses the toast the keyboard is in, and the keyboard goes back where it was', () => {
    render(
      <>
        <button type="button">the claim I was on</button>
        <Toaster />
      </>,
    );
    toast('Claim taken off “Q?”.', { action: { label: 'Undo', run: () => {} } });
    const before = screen.getByRole('button', { name: 'the claim I was on' });
    before.focus();
    const undo = screen.getByRole('button', { name: 'Undo' });
    act(() => undo.focus());
    fireEvent.keyDown(undo, { key: 'Escape' });
    expect(messages()).toEqual([]);
    expect(document.activeElement).not.toBe(before); // given back after the frame
    act(() => vi.advanceTimersToNextFrame());
    expect(document.activeElement).toBe(before);
  });
});
