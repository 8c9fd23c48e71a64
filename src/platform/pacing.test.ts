import { describe, expect, it } from 'vitest';
import { createPacer } from './pacing.js';

/** Whether a callback queued for the event loop's next turn has run. */
function nextTurnProbe(): () => boolean {
  let ran = false;
  setImmediate(() => (ran = true));
  return () => ran;
}

describe('createPacer', () => {
  it('lets the event loop turn once a slice is over', async () => {
    const ran = nextTurnProbe();
    await createPacer(0)();
    expect(ran()).toBe(true);
  });

  it('keeps the event loop within a slice', async () => {
    const ran = nextTurnProbe();
    const pace = createPacer(60_000);
    for (let i = 0; i < 10; i++) await pace();
    expect(ran()).toBe(false);
  });
});
