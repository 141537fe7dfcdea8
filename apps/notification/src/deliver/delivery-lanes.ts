/** A lane's limits, from the policy. */
export interface LaneLimits {
  /** Sends at once per lane. */
  inFlight: number;
  /** Claimed rows waiting per lane behind those in flight. */
  queued: number;
  /** Sends at once in all lanes; a lane with nothing in flight may start one beyond it. */
  total: number;
}

interface Lane<T> {
  queue: T[];
  inFlight: number;
  /** Its last claim got all the room it asked for: more of its rows may wait in the database. */
  more: boolean;
}

/**
 * The per-endpoint lanes of one instance's delivery worker (plain bookkeeping, no I/O). A lane
 * takes rows only for itself, up to its room, and sends at most its share at once, so a lane
 * stuck on a slow endpoint holds its own rows and slots and nobody else's.
 */
export class DeliveryLanes<T extends { lane: string }> {
  private readonly lanes = new Map<string, Lane<T>>();
  private total = 0;
  /** Where the next round of starts begins, so freed slots go round the lanes in turn. */
  private turn = 0;

  get inFlight(): number {
    return this.total;
  }

  /** How many more rows each held lane may take; a lane not held may take `roomPerLane(l)`. */
  rooms(l: LaneLimits): Array<{ lane: string; room: number }> {
    return [...this.lanes].map(([lane, s]) => ({ lane, room: Math.max(0, roomPerLane(l) - s.inFlight - s.queue.length) }));
  }

  /** Rows a claim returned, with the rooms it asked with. */
  accept(rows: T[], asked: Array<{ lane: string; room: number }>, l: LaneLimits): void {
    const got = new Map<string, number>();
    for (const r of rows) {
      this.lane(r.lane).queue.push(r);
      got.set(r.lane, (got.get(r.lane) ?? 0) + 1);
    }
    const room = new Map(asked.map((a) => [a.lane, a.room]));
    for (const [lane, s] of this.lanes) {
      const wanted = room.get(lane) ?? roomPerLane(l);
      if (wanted > 0) s.more = (got.get(lane) ?? 0) >= wanted;
    }
    this.forget();
  }

  /** Rows to send now: lane by lane in turn, within each lane's share and the total (see LaneLimits). */
  startable(l: LaneLimits): T[] {
    const out: T[] = [];
    const names = [...this.lanes.keys()];
    for (let progress = true; progress; ) {
      progress = false;
      for (let i = 0; i < names.length; i++) {
        const s = this.lanes.get(names[(this.turn + i) % names.length])!;
        if (s.queue.length === 0 || s.inFlight >= Math.max(1, l.inFlight) || (this.total >= l.total && s.inFlight > 0)) continue;
        out.push(s.queue.shift()!);
        s.inFlight++;
        this.total++;
        progress = true;
      }
      this.turn = names.length ? (this.turn + 1) % names.length : 0;
    }
    return out;
  }

  /** A send of `lane` ended. */
  finished(lane: string): void {
    const s = this.lanes.get(lane);
    if (!s) return;
    s.inFlight--;
    this.total--;
    this.forget();
  }

  /** The lane's last claim filled it (more may wait in the database) and its queue has run down to half: time to claim again. */
  wantsRefill(lane: string, l: LaneLimits): boolean {
    const s = this.lanes.get(lane);
    return !!s && s.more && s.queue.length <= Math.floor(Math.max(0, l.queued) / 2);
  }

  /** Takes a lane's waiting rows out (its circuit opened: they go back to the database unsent). */
  takeQueued(lane: string): T[] {
    const s = this.lanes.get(lane);
    if (!s) return [];
    const rows = s.queue.splice(0);
    s.more = true;
    this.forget();
    return rows;
  }

  /** Takes every waiting row out (the instance stops). */
  takeAllQueued(): T[] {
    return [...this.lanes.keys()].flatMap((lane) => this.takeQueued(lane));
  }

  private lane(name: string): Lane<T> {
    let s = this.lanes.get(name);
    if (!s) this.lanes.set(name, (s = { queue: [], inFlight: 0, more: false }));
    return s;
  }

  /** Idle lanes are dropped: a lane the database holds rows for comes back with its next claim. */
  private forget(): void {
    for (const [name, s] of this.lanes) if (s.inFlight === 0 && s.queue.length === 0 && !s.more) this.lanes.delete(name);
  }
}

export const roomPerLane = (l: LaneLimits): number => Math.max(1, Math.floor(l.inFlight)) + Math.max(0, Math.floor(l.queued));
