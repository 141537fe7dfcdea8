// One jest run for everything: pure unit specs beside the code (*.spec.ts) and integration
// specs (*.int-spec.ts, tests/**) that talk to the real PostgreSQL and NATS on this machine.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
const libs = ['contracts', 'messaging', 'persistence', 'auth', 'platform'];
const moduleNameMapper = {};
for (const lib of libs) {
  moduleNameMapper[`^@app/${lib}$`] = `<rootDir>/libs/${lib}/src`;
  moduleNameMapper[`^@app/${lib}/(.*)$`] = `<rootDir>/libs/${lib}/src/$1`;
}
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  // Nest 12 ships as ES modules; Node 20's jest runtime cannot require() them, so swc turns them
  // into CommonJS on the way in (cached after the first run).
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    '^.+\\.m?js$': ['@swc/jest', { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|uid|path-to-regexp|file-type|strtok3|token-types|peek-readable|@tokenizer|load-esm)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/{apps,libs,tests}/**/*.{spec,int-spec,e2e-spec}.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  testTimeout: 60000,
  maxWorkers: 2,
};
