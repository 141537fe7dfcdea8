import { createHash } from 'node:crypto';
import { newPkcePair, randomState } from './pkce';

describe('PKCE', () => {
  it('makes an S256 challenge of a 43-character base64url verifier (RFC 7636)', () => {
    const { verifier, challenge } = newPkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(newPkcePair().verifier).not.toBe(verifier);
    expect(randomState()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
