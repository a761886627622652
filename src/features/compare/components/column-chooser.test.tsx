import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ColumnChooser } from './column-chooser';

afterEach(cleanup);

const order = ['Councillors', 'Commissioner', 'Minister'].map((name, i) => ({ id: `s${i}`, name }));

const open = (details: HTMLDetailsElement) =>
  act(() => {
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });

describe('ColumnChooser', () => {
  test('closed, it is its summary only: the speakers’ checkboxes and move buttons come when it opens', () => {
    const onToggle = vi.fn();
    const onReorder = vi.fn();
    const { container } = render(
      <ColumnChooser order={order} hidden={new Set(['s1'])} onReorder={onReorder} onToggle={onToggle} />,
    );
    expect(screen.getByText('Columns (2 of 3 shown)')).toBeTruthy();
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryAllByRole('button')).toHaveLength(0);

    open(container.querySelector('details')!);
    expect(screen.getAllByRole('checkbox').map((c) => (c as HTMLInputElement).checked)).toEqual([
      true,
      false,
      true,
    ]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Commissioner' }));
    expect(onToggle).toHaveBeenCalledExactlyOnceWith('s1');
    fireEvent.click(screen.getByRole('button', { name: 'Move Minister left' }));
    expect(onReorder).toHaveBeenCalledExactlyOnceWith(['s0', 's2', 's1']);
  });
});
