import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { dismissToast, Toaster } from '@/ui/toast';
import { sayUndoResult } from '@/ui/undo-toast';

afterEach(() => {
  for (const el of document.querySelectorAll<HTMLElement>('[data-toast]'))
    act(() => dismissToast(Number(el.dataset.toast)));
  cleanup();
});

test('what an undo did is said once: in the toast (a live region), not again by the announcer', () => {
  render(<Toaster />);
  act(() => sayUndoResult(null, 'redo'));
  const toaster = document.querySelector('.toaster');
  expect(toaster?.getAttribute('aria-live')).toBe('polite');
  expect(toaster?.textContent).toContain('Nothing to redo.');
  expect(screen.getByTestId('announcer').textContent).not.toContain('Nothing to redo.');
});
