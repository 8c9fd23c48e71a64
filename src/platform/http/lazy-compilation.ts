import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Compiles a route's validators and serializers when they are first needed rather than all of them while
 * the server starts: about a hundred routes' schemas took over a second of a 2-core machine's start-up,
 * before the first request could be answered. `compileAll` compiles what is still pending, one function
 * per turn of the event loop, so that a listening server answers requests meanwhile.
 */
export class LazyCompilation {
  private readonly pending = new Set<() => void>();
  private stopped = false;

  /** A function that compiles `compile()` on its first call (or in `compileAll`) and then calls it. */
  wrap<A extends unknown[], R>(
    compile: () => (...args: A) => R,
  ): ((...args: A) => R) & { compiled(): boolean } {
    let compiled: ((...args: A) => R) | undefined;
    const ensure = () => {
      if (!compiled) {
        compiled = compile();
        this.pending.delete(ensure);
      }
      return compiled;
    };
    this.pending.add(ensure);
    return Object.assign((...args: A) => ensure()(...args), { compiled: () => compiled !== undefined });
  }

  /** How many functions no call has compiled yet. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Compiles every pending function, yielding to the event loop between them; resolves to how many. */
  async compileAll(): Promise<number> {
    let count = 0;
    for (const compile of [...this.pending]) {
      if (this.stopped) break;
      compile();
      count++;
      await nextTurn();
    }
    return count;
  }

  /** Ends a `compileAll` under way (the server is closing). */
  stop(): void {
    this.stopped = true;
  }
}
