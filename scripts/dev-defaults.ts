/** The dev runner's local-only secret (scripts/dev.js uses the same value). Never for production. */
export const DEV_JWT_SECRET = 'local-development-only-secret';
