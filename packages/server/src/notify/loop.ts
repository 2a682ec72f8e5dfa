/**
 * A background pass run again and again until stopped: at once while `pass` finds work, after `idleMs` when it
 * finds none or fails. `stop` waits for the pass under way, so nothing touches the database after it.
 */
export class Loop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<boolean>,
    private readonly idleMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass().then(
        (more) => this.schedule(more ? 0 : this.idleMs),
        (err: unknown) => {
          this.onError(err);
          this.schedule(this.idleMs);
        },
      );
    }, ms);
  }
}
