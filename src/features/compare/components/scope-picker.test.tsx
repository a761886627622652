import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ArticleId } from '@/core/model/types';
import { ScopePicker } from './scope-picker';

afterEach(cleanup);

const articles = ['Wire story', 'Long feature', 'Transcript'].map((title, i) => ({
  id: `a${i}` as ArticleId,
  title,
}));

const picker = (onChange: (ids: readonly ArticleId[]) => void) => {
  render(
    <ScopePicker
      articles={articles}
      loading={false}
      chosen={[]}
      gone={new Map()}
      onChange={onChange}
      onRestore={() => {}}
    />,
  );
  return screen.getByLabelText('Add an article') as HTMLSelectElement;
};

describe('ScopePicker', () => {
  test('a pointer choice adds the article at once', () => {
    const onChange = vi.fn();
    const select = picker(onChange);
    fireEvent.mouseDown(select);
    fireEvent.change(select, { target: { value: 'a1' } });
    expect(onChange).toHaveBeenCalledExactlyOnceWith(['a1']);
  });

  test('the arrow keys only choose (Chromium changes a closed select on each arrow); Enter or Add adds', () => {
    const onChange = vi.fn();
    const select = picker(onChange);
    fireEvent.keyDown(select, { key: 'ArrowDown' });
    fireEvent.change(select, { target: { value: 'a0' } });
    fireEvent.keyDown(select, { key: 'ArrowDown' });
    fireEvent.change(select, { target: { value: 'a1' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(select.value).toBe('a1');
    fireEvent.keyDown(select, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledExactlyOnceWith(['a1']);

    onChange.mockClear();
    fireEvent.keyDown(select, { key: 'ArrowDown' });
    fireEvent.change(select, { target: { value: 'a2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add “Transcript”' }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith(['a2']);
  });
});
