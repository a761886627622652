import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { saveImportedArticle } from '@/db/articles';
import * as download from '@/features/export/download';
import { ALL_CLAIMS_CHOICE } from '@/features/export/export-choice';
import { TeamSyncProvider } from '@/features/team/team-sync-context';
import type { TeamSync } from '@/features/team/team-types';
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

describe('ExportDialog while a team sync builds the filter rows', () => {
  test('says a claims export may miss claims until then, and a backup does not', async () => {
    const status = { state: 'idle', pending: 0, conflicts: 0, indexing: { done: 41_000, total: 100_000 } };
    const snapshot = { connection: null, status, leader: true };
    const sync = {
      getSnapshot: () => snapshot,
      subscribe: () => () => {},
    } as unknown as TeamSync;
    render(
      <QueryClientProvider client={new QueryClient()}>
        <TeamSyncProvider sync={sync}>
          <ExportDialog open onClose={() => {}} choices={[ALL_CLAIMS_CHOICE]} settingsHref="/settings" />
        </TeamSyncProvider>
      </QueryClientProvider>,
    );
    expect(
      screen.getByText(
        'Preparing filters: 41,000 of 100,000 claims: until then this export may miss some claims. A backup holds them all.',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /JSON backup/, hidden: true }));
    expect(screen.queryByText(/this export may miss some claims/)).toBeNull();
  });
});
