/**
 * Several processes on one machine (`LADDER_WORKERS=N`, default 1): one Node thread serves a few hundred
 * signatures a second, and a machine of two cores or more can serve more with a process per core. With N > 1 the
 * first process only supervises: it applies the migrations (one process, before any worker opens the database),
 * forks N workers that share the port (node:cluster hands out the connections in turn), starts again a worker that
 * dies, and stops them all on SIGTERM or SIGINT. Each worker is the whole server, as several instances are.
 *
 * What each worker keeps for itself is safe to share the database with others: on SQLite, each has its own
 * connection and queue (functions/store/sqlite.ts), the write lock is the database's (BEGIN IMMEDIATE) and a
 * worker waiting for it keeps serving meanwhile; the render tokens' secret, the token uses, the rate windows and
 * the outbox's claims and leases are rows in the database, as for several instances on PostgreSQL. The campaign
 * editor is not offered with N > 1: a publish changes the campaigns and the served site of the process that took
 * it only (run one process to edit in the browser, or edit the files and restart).
 */
import cluster from 'node:cluster';
import { openStore } from '../store/open.ts';

/** `LADDER_WORKERS`: a whole number of processes, 1 or more. */
export function workersFromEnv(env: Record<string, string | undefined>): number {
  const value = env.LADDER_WORKERS;
  if (value === undefined || value === '') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`LADDER_WORKERS must be a whole number of 1 or more (got "${value}").`);
  return n;
}

/** True in a worker of several (the editor is off there: see above). */
export const isWorker = (): boolean => cluster.isWorker;

/**
 * In the first process with `LADDER_WORKERS` > 1: migrates, forks the workers and supervises them, calling
 * `ready(port)` once every worker listens; resolves true (the caller serves nothing itself). Otherwise (one
 * process, or a worker) resolves false at once: serve.
 */
export async function supervisor(
  env: Record<string, string | undefined>,
  ready: (port: number) => void,
): Promise<boolean> {
  const workers = workersFromEnv(env);
  if (workers === 1 || cluster.isWorker) return false;
  await (await openStore(env)).close();
  let stopping = false;
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    if (++listening === workers) ready(address.port);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      return;
    }
    console.error(`[ladder] worker ${worker.process.pid} ended (${signal ?? `exit ${code}`}): starting another`);
    cluster.fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      setTimeout(() => process.exit(0), 8000).unref();
    });
  }
  for (let i = 0; i < workers; i++) cluster.fork();
  return true;
}
