import { DeliveryLanes, type LaneLimits } from './delivery-lanes';

interface Row {
  lane: string;
  id: string;
}
const rows = (lane: string, n: number, from = 1): Row[] => Array.from({ length: n }, (_, i) => ({ lane, id: `${lane}-${from + i}` }));
const L: LaneLimits = { inFlight: 2, queued: 2, total: 4 };

describe('delivery lanes', () => {
  it('asks each held lane only for its remaining room; lanes not held get the full room', () => {
    const lanes = new DeliveryLanes<Row>();
    expect(lanes.rooms(L)).toEqual([]);
    lanes.accept([...rows('slow', 4), ...rows('ok', 1)], [], L);
    lanes.startable(L);
    expect(lanes.rooms(L)).toEqual([
      { lane: 'slow', room: 0 },
      { lane: 'ok', room: 3 },
    ]);
  });

  it('sends at most the per-lane share at once; the rest wait in the lane', () => {
    const lanes = new DeliveryLanes<Row>();
    lanes.accept(rows('a', 4), [], { ...L, total: 100 });
    expect(lanes.startable({ ...L, total: 100 }).map((r) => r.id)).toEqual(['a-1', 'a-2']);
    expect(lanes.startable({ ...L, total: 100 })).toEqual([]);
    lanes.finished('a');
    expect(lanes.startable({ ...L, total: 100 }).map((r) => r.id)).toEqual(['a-3']);
  });

  it('lets a lane with nothing in flight start one even when stuck lanes hold every slot', () => {
    const lanes = new DeliveryLanes<Row>();
    lanes.accept([...rows('dead', 4), ...rows('slow', 4)], [], L);
    expect(lanes.startable(L)).toHaveLength(4); // two each: the total is reached
    lanes.accept(rows('healthy', 3), [{ lane: 'dead', room: 0 }, { lane: 'slow', room: 0 }], L);
    expect(lanes.startable(L).map((r) => r.id)).toEqual(['healthy-1']);
    expect(lanes.inFlight).toBe(5);
    lanes.finished('healthy');
    expect(lanes.startable(L).map((r) => r.id)).toEqual(['healthy-2']); // its own send ended: its turn again
  });

  it('shares free slots lane by lane in turn', () => {
    const lanes = new DeliveryLanes<Row>();
    const wide = { inFlight: 10, queued: 10, total: 4 };
    lanes.accept([...rows('a', 6), ...rows('b', 6)], [], wide);
    expect(lanes.startable(wide).map((r) => r.lane).sort()).toEqual(['a', 'a', 'b', 'b']);
  });

  it('wants a refill only when the last claim filled the lane and its queue ran down to half', () => {
    const lanes = new DeliveryLanes<Row>();
    const wide = { ...L, queued: 4, total: 100 };
    lanes.accept([...rows('full', 6), ...rows('some', 1)], [], wide); // each asked for 6: one got all, the other less
    lanes.startable(wide);
    expect(lanes.wantsRefill('some', wide)).toBe(false);
    expect(lanes.wantsRefill('full', wide)).toBe(false); // 4 waiting
    lanes.finished('full');
    lanes.startable(wide);
    expect(lanes.wantsRefill('full', wide)).toBe(false); // 3 waiting
    lanes.finished('full');
    lanes.startable(wide);
    expect(lanes.wantsRefill('full', wide)).toBe(true); // 2 waiting: half
    lanes.accept([], lanes.rooms(wide), wide); // the refill found nothing more
    expect(lanes.wantsRefill('full', wide)).toBe(false);
  });

  it('hands back a lane\'s waiting rows and, at stop, every lane\'s', () => {
    const lanes = new DeliveryLanes<Row>();
    lanes.accept([...rows('a', 4), ...rows('b', 3)], [], { ...L, total: 100 });
    lanes.startable({ ...L, total: 100 });
    expect(lanes.takeQueued('a').map((r) => r.id)).toEqual(['a-3', 'a-4']);
    expect(lanes.takeAllQueued().map((r) => r.id)).toEqual(['b-3']);
    expect(lanes.inFlight).toBe(4);
  });

  it('forgets idle lanes', () => {
    const lanes = new DeliveryLanes<Row>();
    lanes.accept(rows('a', 1), [], L);
    lanes.startable(L);
    lanes.finished('a');
    expect(lanes.rooms(L)).toEqual([]);
  });
});
