import { createHash, randomBytes } from 'node:crypto';

/** RFC 7636 S256: a random verifier and its SHA-256 challenge, both base64url. */
export function newPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const randomState = (): string => randomBytes(16).toString('base64url');
