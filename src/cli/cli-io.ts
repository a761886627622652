/**
 * What a CLI reads and writes, passed in so that its tests can run it in their own process
 * (starting tsx for each case was most of the unit suite's time).
 */
export interface CliIo {
  stdin: AsyncIterable<Uint8Array>;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

export const processIo: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

/** Runs a CLI as a process: its arguments, its streams, its exit code. */
export function runAsProcess(cli: (argv: readonly string[], io: CliIo) => Promise<number>): void {
  void cli(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}
