import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { BackgroundWorker } from '@app/platform';
import { FloodDigest } from '../dispatch/flood-digest';
import { FloodGroupStore } from '../store/flood-group.store';

/** How often ended windows are looked for: a digest leaves at most this long after its window. */
const POLL_MS = 250;
const BATCH = 100;

/** Sends the digest of every flood window that has ended (any instance; locked rows are skipped). */
@Injectable()
export class FloodWindowCloser extends BackgroundWorker {
  constructor(
    private readonly scope: TransactionScope,
    private readonly floods: FloodGroupStore,
    private readonly digest: FloodDigest,
  ) {
    super(POLL_MS);
  }

  protected async work(): Promise<number> {
    let closed = 0;
    for (;;) {
      const n = await this.scope.run(async () => {
        const due = await this.floods.lockDue(BATCH);
        for (const g of due) await this.digest.flush(g);
        return due.length;
      });
      closed += n;
      if (n < BATCH) return closed;
    }
  }
}
