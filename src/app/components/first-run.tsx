import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { seedReferenceArticle } from '@/app/first-run';
import { describeDbError } from '@/db/errors';
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

  if (!seed.error) return null;
  return (
    <StatusMessage tone="error">
      Could not add the example article: {describeDbError(seed.error)}
    </StatusMessage>
  );
}
