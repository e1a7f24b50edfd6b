// The outbox worker: delivers the notifications a submission or a status change queued in the same
// transaction, retrying with exponential backoff until they go through or are too old. A report is
// stored and answered first; a mail server or webhook that is down only delays its notification.

export const OUTBOX_DEFAULTS = {
  /** How often to look for due notifications when nothing kicks the worker. */
  pollMs: 5_000,
  /** The first retry waits this long; each next one twice as long … */
  baseDelayMs: 15_000,
  /** … up to this. */
  maxDelayMs: 10 * 60_000,
  /** A notification still undelivered this long after it was queued is given up (and shown as failed). */
  giveUpAfterMs: 72 * 3_600_000,
};

/** The wait before attempt `attempts + 1`, with ±20 % jitter so many failures do not retry in lockstep. */
export function retryDelay(attempts, { baseDelayMs, maxDelayMs }, random = Math.random) {
  const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay * (0.8 + 0.4 * random()));
}

/**
 * @param {object} options
 * @param {import('./store.mjs').Store | (() => Promise<import('./store.mjs').Store>)} options.store
 * @param {Record<string, (payload: object, entry: object) => Promise<void>>} options.channels - `email`, `webhook`.
 * @param {() => number} [options.now]
 * @param {(line: string) => void} [options.log]
 */
export function createOutbox({ store, channels, now = () => Date.now(), log = (line) => console.error(line), ...settings }) {
  const options = { ...OUTBOX_DEFAULTS, ...settings };
  const getStore = typeof store === 'function' ? store : async () => store;
  let timer;
  let running;
  let again = false;
  let stopped = false;

  async function deliver(entry) {
    const db = await getStore();
    const send = channels[entry.channel];
    const at = now();
    try {
      if (!send) throw new Error(`no ${entry.channel} channel is configured now`);
      await send(entry.payload, entry);
      await db.delivered(entry.id, new Date(now()).toISOString());
      return true;
    } catch (error) {
      const attempts = entry.attempts + 1;
      const reason = String(error?.message ?? error).slice(0, 500);
      const tooOld = at - Date.parse(entry.createdAt) >= options.giveUpAfterMs;
      const nextAt = tooOld ? undefined : new Date(at + retryDelay(attempts, options)).toISOString();
      await db.attemptFailed(entry.id, { at: new Date(at).toISOString(), error: reason, nextAt });
      log(`receiver: ${entry.channel} notification ${entry.id} for ${entry.reference} failed (attempt ${attempts}): ${reason}${nextAt ? `; next try ${nextAt}` : '; given up'}`);
      return false;
    }
  }

  /** Delivers everything due now; resolves with { delivered, failed }. */
  async function runOnce() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      const result = { delivered: 0, failed: 0 };
      do {
        again = false;
        const db = await getStore();
        for (;;) {
          const due = await db.claimDue(now());
          if (!due.length) break;
          for (const entry of due) {
            if (await deliver(entry)) result.delivered++;
            else result.failed++;
          }
          if (stopped) break;
        }
      } while (again && !stopped);
      return result;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  const tick = () => {
    runOnce()
      .catch((error) => log(`receiver: outbox: ${error.message}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs);
      });
  };

  return {
    runOnce,
    /** Polls every `pollMs` until stopped. */
    start() {
      stopped = false;
      clearTimeout(timer);
      timer = setTimeout(tick, 0);
    },
    /** Something was queued: deliver it now rather than at the next poll. */
    kick() {
      if (!stopped && timer !== undefined) runOnce().catch((error) => log(`receiver: outbox: ${error.message}`));
    },
    /** Stops polling and waits for the delivery under way. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
