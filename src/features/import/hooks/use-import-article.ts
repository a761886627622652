import { useMutation } from '@tanstack/react-query';
import { type ImportSource, type ImportStage, importArticle } from '@/features/import/import-article';

type Variables = Readonly<{ source: ImportSource; onStage?: (stage: ImportStage) => void }>;

export const IMPORT_MUTATION_KEY = ['import'] as const;

export const useImportArticle = () =>
  useMutation({
    mutationKey: IMPORT_MUTATION_KEY,
    mutationFn: ({ source, onStage }: Variables) => importArticle(source, onStage),
  });
