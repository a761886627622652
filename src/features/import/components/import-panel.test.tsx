import { cleanup, createEvent, fireEvent, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, expect, test } from 'vitest';
import { ImportPanel } from '@/features/import/components/import-panel';
import { renderWithQueries } from '@/test/claim-forms';

afterEach(cleanup);

function renderPanel() {
  renderWithQueries(
    <MemoryRouter>
      <ImportPanel articleHref={(id) => `/articles/${id}`} />
    </MemoryRouter>,
  );
  return screen.getByLabelText('Article text (or HTML)') as HTMLTextAreaElement;
}

/** A paste of `text` into `field`; whether the page let it land (its default not prevented). */
function paste(field: HTMLTextAreaElement, text: string): boolean {
  const event = createEvent.paste(field);
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
  return fireEvent(field, event);
}

test('a paste over the import limit is refused before it reaches the box, as a file that size is', async () => {
  const field = renderPanel();
  expect(paste(field, 'x'.repeat(5_300_000))).toBe(false);
  expect((await screen.findByRole('alert')).textContent).toContain(
    'This is 5.3 MB; the import limit is 1.0 MB. Split it into smaller articles.',
  );
  expect(field.value).toBe('');
});

test('a paste that the text already in the box takes over the limit is refused; a small one lands', async () => {
  const field = renderPanel();
  fireEvent.change(field, { target: { value: 'é'.repeat(400_000) } }); // 800 KB of UTF-8
  field.setSelectionRange(field.value.length, field.value.length);
  expect(paste(field, 'ü'.repeat(150_000))).toBe(false);
  expect((await screen.findByRole('alert')).textContent).toContain('This is 1.1 MB');
  expect(paste(field, 'A short line.')).toBe(true);
  expect(screen.queryByRole('alert')).toBeNull();
});

test('Ctrl+Enter in the text box imports what it holds', async () => {
  const field = renderPanel();
  fireEvent.change(field, { target: { value: '   ' } });
  fireEvent.keyDown(field, { key: 'Enter' });
  expect(screen.queryByRole('alert')).toBeNull();
  fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
  expect((await screen.findByRole('alert')).textContent).toContain('Nothing to import: the text is empty.');
});

test('text over the limit dragged into the box is refused as a paste is', async () => {
  const field = renderPanel();
  const drop = createEvent.drop(field);
  Object.defineProperty(drop, 'dataTransfer', { value: { getData: () => 'y'.repeat(1_200_000) } });
  expect(fireEvent(field, drop)).toBe(false);
  expect((await screen.findByRole('alert')).textContent).toContain('This is 1.2 MB');
});
