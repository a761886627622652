// The extractor in a Web Worker: a thin shell around core, so long articles never block the page.
import { expose } from 'comlink';
import { extractClaims } from '@/core/extract/pipeline';

export type PipelineWorkerApi = { extractClaims: typeof extractClaims };

expose({ extractClaims } satisfies PipelineWorkerApi);
