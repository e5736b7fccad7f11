/**
 * The one serialised writer: every storage write (both areas) is a task queued here, so the read and the
 * write of a read-modify-write never interleave with another task's. Two tabs recording orders at the
 * same moment both land in the history.
 */
export class SerialWriter {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it; a failing task does not stop the queue. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
