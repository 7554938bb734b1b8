// How to start scripts/serve.mjs: with a limit on Node's heap. Without one, V8 on a machine with a lot
// of memory lets the heap grow lazily under load: 837–993 MB resident under 32 connections, against
// 360–430 MB with any limit from 256 MB to 1 GB (docs/benchmarks.md). The app's own uploads are at most
// 1 MiB (next.config.ts); 1 GB leaves room. DIPTYCH_HEAP_MB sets another limit, 0 none.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The arguments for `process.execPath` that serve the build on `port`.
 * @param {string | number} port
 * @param {string} [hostname]
 * @returns {string[]}
 */
export function serveArgs(port, hostname) {
  const heapMb = Number(process.env.DIPTYCH_HEAP_MB ?? 1024);
  return [
    ...(Number.isFinite(heapMb) && heapMb > 0 ? [`--max-old-space-size=${Math.round(heapMb)}`] : []),
    path.join(root, 'scripts', 'serve.mjs'),
    '--port',
    String(port),
    ...(hostname ? ['--hostname', hostname] : []),
  ];
}
