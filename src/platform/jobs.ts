import type { Logger } from './logger.js';

/** A background job: one run does all the work due, and may run again any time without harm. */
export interface Job {
  name: string;
  run(): Promise<unknown>;
}

export interface JobRunner {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs jobs once now and then every `intervalMs`, one run at a time (a run still going when the timer
 * fires is not doubled). A failing job is logged and tried again at the next tick. Jobs must be
 * idempotent: several servers may run them at once, and a restart runs them again.
 */
export function startJobRunner(
  jobs: readonly Job[],
  options: { intervalMs: number; logger?: Logger },
): JobRunner {
  const { logger } = options;
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      for (const job of jobs) {
        if (stopped) break;
        try {
          const result = await job.run();
          logger?.debug({ job: job.name, result }, 'job ran');
        } catch (error) {
          logger?.error({ job: job.name, err: error }, 'job failed; it runs again at the next tick');
        }
      }
    })().finally(() => {
      running = undefined;
    });
  };

  const timer = setInterval(tick, options.intervalMs);
  // The server keeps the process alive; the timer alone must not.
  timer.unref();
  tick();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
