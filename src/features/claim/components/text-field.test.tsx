import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { TextField } from '@/features/claim/components/text-field';

afterEach(cleanup);

type Stored = { value: string; version: number };

/**
 * A panel whose field gets a new stored value and, in the same flush of effects, is closed: the field's own
 * effect takes the value into the draft, but the panel is gone before the draft re-renders.
 */
function Panel({ stored, onSave }: { stored: Stored; onSave: (text: string) => Promise<unknown> }) {
  const [open, setOpen] = useState(true);
  return (
    <>
      <CloseOnChange value={stored.value} close={() => setOpen(false)} />
      {open && (
        <TextField
          label="Rating note"
          value={stored.value}
          version={stored.version}
          onSave={onSave}
          maxLength={100}
        />
      )}
    </>
  );
}

function CloseOnChange({ value, close }: { value: string; close: () => void }) {
  const [first] = useState(value);
  useEffect(() => {
    if (value !== first) close();
  }, [value, first, close]);
  return null;
}

/** A save that writes until `finish(version)` is called (the version the write made). */
function heldSave() {
  let done = (_version: number) => {};
  const onSave = vi.fn(
    (_text: string, _version: number) =>
      new Promise<number>((resolve) => {
        done = resolve;
      }),
  );
  return { onSave, finish: (version: number) => done(version) };
}

describe('TextField', () => {
  test('closing the panel as a stored value arrives writes nothing the person did not type', () => {
    const onSave = vi.fn(() => Promise.resolve());
    const { rerender } = render(<Panel stored={{ value: '', version: 1 }} onSave={onSave} />);
    rerender(<Panel stored={{ value: 'The council did not answer.', version: 2 }} onSave={onSave} />);
    expect(screen.queryByLabelText('Rating note')).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });

  test('a blur after a stored value replaced the draft writes nothing', () => {
    const onSave = vi.fn(() => Promise.resolve());
    const { rerender } = render(
      <TextField label="Rating note" value="" version={1} onSave={onSave} maxLength={100} />,
    );
    rerender(
      <TextField label="Rating note" value="From another tab" version={2} onSave={onSave} maxLength={100} />,
    );
    fireEvent.blur(screen.getByLabelText('Rating note'));
    expect(onSave).not.toHaveBeenCalled();
  });

  test('what was typed is saved when the panel closes, with the version editing began on', async () => {
    const onSave = vi.fn((_text: string, _version: number) => Promise.resolve());
    const { unmount } = render(
      <TextField label="Rating note" value="" version={1} onSave={onSave} maxLength={100} />,
    );
    fireEvent.change(screen.getByLabelText('Rating note'), { target: { value: 'Checked with the council' } });
    await act(async () => unmount());
    expect(onSave).toHaveBeenCalledWith('Checked with the council', 1);
  });

  // Two saves of one edit in flight at once: the second found the first's write in the history and
  // reported it as another tab's change ("the notes was different"), hiding the real conflict notice.
  test('a blur while the pause’s save is writing does not save the same text again', async () => {
    vi.useFakeTimers();
    try {
      const { onSave, finish } = heldSave();
      render(<TextField label="Notes" value="" version={1} onSave={onSave} maxLength={100} />);
      const field = screen.getByLabelText('Notes');
      fireEvent.change(field, { target: { value: 'Asked the force' } });
      await act(async () => vi.advanceTimersByTime(800));
      expect(onSave).toHaveBeenCalledTimes(1);
      fireEvent.blur(field);
      await act(async () => finish(2));
      await act(async () => vi.runAllTimersAsync());
      expect(onSave).toHaveBeenCalledTimes(1);
      expect(onSave).toHaveBeenCalledWith('Asked the force', 1);
      expect(screen.getByText('Saved')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  test('typing on while a save is writing: the next save starts from the version that save wrote', async () => {
    const { onSave, finish } = heldSave();
    render(<TextField label="Notes" value="" version={1} onSave={onSave} maxLength={100} />);
    const field = screen.getByLabelText('Notes');
    fireEvent.change(field, { target: { value: 'Asked' } });
    fireEvent.blur(field);
    await act(async () => {});
    expect(onSave).toHaveBeenCalledTimes(1);
    fireEvent.change(field, { target: { value: 'Asked the force' } });
    await act(async () => finish(2));
    fireEvent.blur(field);
    await act(async () => finish(3));
    expect(onSave.mock.calls).toEqual([
      ['Asked', 1],
      ['Asked the force', 2],
    ]);
    expect(field).toHaveProperty('value', 'Asked the force');
  });
});
