/**
 * The Vite dev server the compare benches load their page from (bench/compare.html), in production
 * mode: React's production build, as users get it (in development React makes a console task and a
 * performance-track entry for every element, which cost the compare screen several times its render).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { BENCH_OPTIMIZE_DEPS } from './lib/profile';

export async function compareBenchServer(port: number): Promise<ViteDevServer> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.env.NODE_ENV = 'production';
  const server = await createServer({
    configFile: false,
    mode: 'production',
    root,
    logLevel: 'warn',
    resolve: { alias: { '@': join(root, 'src') } },
    optimizeDeps: BENCH_OPTIMIZE_DEPS,
    server: { port, strictPort: true, host: '127.0.0.1', hmr: false, watch: null },
  });
  await server.listen();
  return server;
}
