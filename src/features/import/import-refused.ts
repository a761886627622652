import type { ImportProblem } from '@/core/import/validate';

/** A refusal with a message for people; nothing was stored. */
export class ImportRefused extends Error {
  readonly code: ImportProblem['code'];
  constructor(problem: ImportProblem) {
    super(problem.message);
    this.name = 'ImportRefused';
    this.code = problem.code;
  }
}
