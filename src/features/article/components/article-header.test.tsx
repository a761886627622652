import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { expect, test } from 'vitest';
import { article } from '@/test/export-rows';
import { ArticleHeader } from './article-header';

const header = (publishedAt: string | null) =>
  render(
    <MemoryRouter>
      <ArticleHeader
        article={article({ publishedAt })}
        libraryHref="/"
        claimCount={3}
        speakerCount={2}
        checkedCount={0}
      />
    </MemoryRouter>,
  );

test('the page’s own publication date is shown beside the outlet, a bare day as that day', () => {
  header('2026-01-14');
  const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(2026, 0, 14),
  );
  const time = screen.getByText(day);
  expect(time.tagName).toBe('TIME');
  expect(time.getAttribute('datetime')).toBe('2026-01-14');
  expect(time.parentElement?.textContent).toMatch(/^Published /);
});

test('no date, or one that is not a date (a backup or a team library can hold any string), shows none', () => {
  const { container, unmount } = header(null);
  expect(container.textContent).not.toMatch(/Published/);
  unmount();
  expect(header('next Tuesday').container.textContent).not.toMatch(/Published|Tuesday/);
});
