import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '@/cli/cli-io';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI in this process, its stdin the given bytes: what the process would write and exit with. */
export async function runCli(
  cli: (argv: readonly string[], io: CliIo) => Promise<number>,
  argv: readonly string[],
  input?: string | Uint8Array,
): Promise<CliRun> {
  const out = { stdout: '', stderr: '' };
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const stdin = (async function* () {
    if (bytes) yield bytes;
  })();
  const status = await cli(argv, {
    stdin,
    stdout: { write: (chunk: string) => (out.stdout += chunk) },
    stderr: { write: (chunk: string) => (out.stderr += chunk) },
  });
  return { status, ...out };
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs a CLI's entry file as its own process, as `npm run --silent NAME` does (tsx). */
export function runProcess(entry: string, argv: readonly string[], input?: string | Uint8Array): CliRun {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [entry, ...argv], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
