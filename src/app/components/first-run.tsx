import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { seedReferenceArticle } from '@/app/first-run';
import { describeDbError } from '@/db/errors';
import { databaseQueries } from '@/db/health';
import { storageQueries } from '@/db/queries';
import { requestPersistentStorage } from '@/db/storage';
import { StatusMessage } from '@/ui/status-message';

/** Start-up work: ask the browser to keep our data, and add the reference article on first start. */
export function FirstRun() {
  const queryClient = useQueryClient();
  const seed = useMutation({ mutationFn: seedReferenceArticle });
  const { mutate } = seed;

  useEffect(() => {
    mutate();
    requestPersistentStorage()
      .catch(() => false)
      .then(() => queryClient.invalidateQueries({ queryKey: storageQueries.estimate().queryKey }));
  }, [mutate, queryClient]);

  const noDatabase = useQuery(databaseQueries.problem()).data;
  if (!seed.error || noDatabase) return null; // DatabaseStatus explains a missing database
  return (
    <StatusMessage tone="error">
      Could not add the example article: {describeDbError(seed.error)}
    </StatusMessage>
  );
}
