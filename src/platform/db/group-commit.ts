/** One caller waiting in a group-commit queue. */
export interface Waiting<I, O> {
  readonly input: I;
  readonly resolve: (output: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: callers that arrive while a batch is being written wait for the next one, which
 * writes all of them at once, so batches grow with the load and one process never has two
 * batches contending for the same rows. `write` settles every entry of its batch; entries it leaves
 * unsettled are rejected (with its error, if it threw), so no caller waits forever.
 */
export function createGroupCommit<I, O>(
  write: (batch: Waiting<I, O>[]) => Promise<void>,
  maxBatch: number,
): (input: I) => Promise<O> {
  const queue: Waiting<I, O>[] = [];
  let writing = false;

  const writeAll = async (): Promise<void> => {
    writing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, maxBatch);
        const settled = new Set<Waiting<I, O>>();
        const tracked = batch.map((entry) => ({
          input: entry.input,
          resolve: (output: O) => {
            settled.add(entry);
            entry.resolve(output);
          },
          reject: (error: unknown) => {
            settled.add(entry);
            entry.reject(error);
          },
        }));
        let failure: unknown = new Error("group commit: the batch writer left an entry unsettled");
        try {
          await write(tracked);
        } catch (error) {
          failure = error;
        }
        for (const entry of batch) if (!settled.has(entry)) entry.reject(failure);
      }
    } finally {
      writing = false;
    }
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (!writing) setImmediate(() => void (writing ? undefined : writeAll()));
    });
}
