/**
 * Next.js instrumentation: runs once when a server process starts. In the Node.js runtime it starts
 * the scheduled job (server/routers/rectification/scheduler.ts): the overdue check of rectification
 * orders (HN-22 ¶2: an order past due unfinished suspends the operator and opens a 约谈 — on a
 * schedule, never only when someone clicks) and the HN-14(9) agreement-expiry reminders. Every
 * OVERDUE_SWEEP_MINUTES minutes (default 5). Not during `next build`, not in tests; errors are
 * logged and never stop the process.
 */
const g = globalThis as unknown as { __sweepTimer?: ReturnType<typeof setInterval> };

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.NODE_ENV === 'test' || process.env.VITEST) return;
  if (g.__sweepTimer) return; // dev hot reload: one timer per process

  const { runScheduledSweeps, sweepIntervalMs } = await import('./server/routers/rectification/scheduler');
  const { getDb } = await import('./server/db');
  let running = false;
  const run = async () => {
    if (running) return; // a slow run is never overlapped by the next one
    running = true;
    try {
      await runScheduledSweeps(await getDb(), new Date());
    } catch (err) {
      console.error('[scheduler] database unavailable', err);
    } finally {
      running = false;
    }
  };
  const every = sweepIntervalMs(process.env.OVERDUE_SWEEP_MINUTES);
  g.__sweepTimer = setInterval(() => void run(), every);
  g.__sweepTimer.unref?.();
  // a first run soon after start, so a fresh server does not wait a whole interval
  setTimeout(() => void run(), Math.min(every, 30_000)).unref?.();
}
