import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long a slice of long work may hold the event loop before it lets requests in. */
export const defaultSliceMs = 20;

/** How many items a loop handles between two calls of its pacer (a call reads the clock). */
export const paceEvery = 4096;

/**
 * Lets long synchronous work (building the place index: half a second) run in slices, so that a
 * listening server answers requests meanwhile. The work calls the returned function now and then (every
 * thousand items, say); it yields to the event loop when `sliceMs` have passed since the last yield.
 */
export function createPacer(sliceMs = defaultSliceMs): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await nextTurn();
    sliceStart = performance.now();
  };
}
