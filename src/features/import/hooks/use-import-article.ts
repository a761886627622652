import { useMutation } from '@tanstack/react-query';
import type { ImportSource, ImportStage } from '@/features/import/import-article';

type Variables = Readonly<{ source: ImportSource; onStage?: (stage: ImportStage) => void }>;

export const IMPORT_MUTATION_KEY = ['import'] as const;

export const useImportArticle = () =>
  useMutation({
    mutationKey: IMPORT_MUTATION_KEY,
    // The import path (validation, hashing, the worker connection) loads with the first import, not the app.
    mutationFn: async ({ source, onStage }: Variables) => {
      const { importArticle } = await import('@/features/import/import-article');
      return importArticle(source, onStage);
    },
  });
