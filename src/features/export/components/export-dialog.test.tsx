import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { saveImportedArticle } from '@/db/articles';
import * as download from '@/features/export/download';
import { ALL_CLAIMS_CHOICE } from '@/features/export/export-choice';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import ExportDialog from './export-dialog';

beforeEach(resetDb);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ExportDialog', () => {
  test('ClaimReview of claims none of which is rated saves no empty file and says why', async () => {
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const saved = vi.spyOn(download, 'downloadBlob').mockImplementation(() => {});
    const client = new QueryClient({
      defaultOptions: {
        queries: { staleTime: Number.POSITIVE_INFINITY, retry: false, networkMode: 'always' },
      },
    });
    render(
      <QueryClientProvider client={client}>
        <ExportDialog open onClose={() => {}} choices={[ALL_CLAIMS_CHOICE]} settingsHref="/settings" />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole('radio', { name: /ClaimReview/, hidden: true }));
    // the count says that only the rated ones of these claims go out, not that all of them do
    await screen.findByText(
      /^Of \d+ claims, only the rated ones \(True to Unverifiable\) will go out\.$/,
      undefined,
      {
        timeout: 10_000,
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export', hidden: true }));
    await waitFor(() => expect(screen.getByText(/^No ClaimReview to publish/)).toBeTruthy(), {
      timeout: 10_000,
    });
    expect(saved).not.toHaveBeenCalled();
  });
});
