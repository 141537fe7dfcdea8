/** TEST_TIME_SCALE: one knob stretches every deadline of the suite; a bad value stops the run with its name. */
describe('TEST_TIME_SCALE', () => {
  const load = (value: string | undefined) => {
    const before = process.env.TEST_TIME_SCALE;
    if (value === undefined) delete process.env.TEST_TIME_SCALE;
    else process.env.TEST_TIME_SCALE = value;
    try {
      let mod: typeof import('../support/time-scale') | undefined;
      jest.isolateModules(() => {
        mod = jest.requireActual('../support/time-scale');
      });
      return mod!;
    } finally {
      if (before === undefined) delete process.env.TEST_TIME_SCALE;
      else process.env.TEST_TIME_SCALE = before;
    }
  };

  it('stretches a deadline by the scale, 1 when unset', () => {
    expect(load(undefined).scaled(20_000)).toBe(20_000);
    expect(load('3').scaled(20_000)).toBe(60_000);
    expect(load('1.5').scaled(1_001)).toBe(1_502);
  });

  it('refuses a value that is not a number from 1 to 100, naming it', () => {
    expect(() => load('0.5')).toThrow('TEST_TIME_SCALE must be a number from 1 to 100, not 0.5');
    expect(() => load('fast')).toThrow('TEST_TIME_SCALE');
  });
});
