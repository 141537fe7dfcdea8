import { scaled, TIME_SCALE } from './time-scale';

/*
 * Every explicit timeout given to it/test/hooks is stretched by TEST_TIME_SCALE, and so is the default (package.json
 * testTimeout): test files keep writing the deadline they mean on a quiet machine.
 */
type Fn = (...args: unknown[]) => unknown;
const stretch = (original: Fn): Fn =>
  Object.assign(
    (...args: unknown[]) => {
      const last = args.length - 1;
      if (typeof args[last] === 'number') args[last] = scaled(args[last] as number);
      return original(...args);
    },
    original,
  );

if (TIME_SCALE !== 1) {
  const g = globalThis as unknown as Record<string, Fn & Record<string, Fn>>;
  for (const name of ['beforeAll', 'afterAll', 'beforeEach', 'afterEach']) g[name] = stretch(g[name]) as Fn & Record<string, Fn>;
  for (const name of ['it', 'test']) {
    const original = g[name];
    const wrapped = stretch(original) as Fn & Record<string, Fn>;
    for (const variant of ['only', 'skip', 'todo', 'concurrent', 'failing']) if (original[variant]) wrapped[variant] = original[variant];
    wrapped.each = original.each;
    g[name] = wrapped;
  }
  jest.setTimeout(scaled(60_000));
}
