import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { useFocusFallback } from '@/ui/use-focus-fallback';

function Panel({ merge }: Readonly<{ merge: boolean }>) {
  const root = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusFallback(root, () => heading.current);
  return (
    <>
      <section ref={root}>
        <h2 ref={heading} tabIndex={-1}>
          Claim 9 of 9
        </h2>
        {merge && <button type="button">Merge with next</button>}
      </section>
      <button type="button">Elsewhere</button>
    </>
  );
}

describe('useFocusFallback', () => {
  afterEach(cleanup);

  test('the focused control removed by a render: the focus goes to the fallback, not the page', async () => {
    const { rerender } = render(<Panel merge />);
    screen.getByRole('button', { name: 'Merge with next' }).focus();
    rerender(<Panel merge={false} />);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading')));
  });

  test('focus the user moved out of it stays where it went', async () => {
    const { rerender } = render(<Panel merge />);
    screen.getByRole('button', { name: 'Merge with next' }).focus();
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    rerender(<Panel merge={false} />);
    await new Promise<void>((r) => queueMicrotask(r)); // after the mutation observer
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Elsewhere' }));
  });
});
