import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import request from 'supertest';
import { mintToken } from '@app/auth';
import { createServiceApp, startServiceApp } from '@app/platform';
import { probeService } from '../fixtures/probe/probe.service';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../support/test-env';

/**
 * With OIDC_ISSUER set, a service accepts the issuer's RS256 tokens (keys from its discovery
 * document's JWKS, served here on loopback like a real issuer) beside its own HS256 ones.
 */
describe('OIDC tokens (RS256 through the issuer JWKS)', () => {
  let env: TestEnv;
  let issuer: Server;
  let issuerUrl: string;
  let key: CryptoKey;
  let otherKey: CryptoKey;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    env = await createTestEnv();
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    ({ privateKey: otherKey } = await generateKeyPair('RS256'));
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    issuer = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/realms/cc/.well-known/openid-configuration') res.end(JSON.stringify({ issuer: issuerUrl, jwks_uri: `${issuerUrl}/certs` }));
      else if (req.url === '/realms/cc/certs') res.end(JSON.stringify({ keys: [publicJwk] }));
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((r) => issuer.listen(0, '127.0.0.1', r));
    issuerUrl = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}/realms/cc`;
    const config = { ...env.config('probe'), oidc: { issuer: issuerUrl, audience: 'callcentre', rolesClaim: 'realm_access.roles', agentIdClaim: 'agent_id' } };
    const service = await createServiceApp(probeService({ consume: false }), config);
    await startServiceApp(service, 0, '127.0.0.1');
    url = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
    close = () => service.app.close();
  });
  afterAll(async () => {
    await close?.();
    issuer?.close();
    await env?.dispose();
  });

  const token = (signWith: CryptoKey, claims: Record<string, unknown>, opts: { iss?: string; aud?: string; exp?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('alice@example.com')
      .setIssuer(opts.iss ?? issuerUrl)
      .setAudience(opts.aud ?? 'callcentre')
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? '1h')
      .sign(signWith);
  const call = (t: string) => request(url).post('/probe/validated').set('Authorization', `Bearer ${t}`).send({ name: 'x', count: 1 });

  it("accepts the issuer's token and maps its roles claim", async () => {
    const res = await call(await token(key, { realm_access: { roles: ['supervisor', 'unknown-role'] } }));
    expect([res.status, res.body]).toEqual([200, { name: 'x', count: 1 }]);
  });

  it('still accepts the service secret HS256 tokens beside it', async () => {
    expect((await call(mintToken(TEST_JWT_SECRET, { sub: 's', roles: ['hr'] }))).status).toBe(200);
  });

  it('refuses a wrong role, a foreign signature, another issuer or audience, and an expired token', async () => {
    const agent = await call(await token(key, { realm_access: { roles: ['agent'] }, agent_id: 'A1001' }));
    expect([agent.status, agent.body.error]).toEqual([403, 'AUTH.FORBIDDEN']);
    for (const bad of [
      await token(otherKey, { realm_access: { roles: ['supervisor'] } }),
      await token(key, { realm_access: { roles: ['supervisor'] } }, { iss: 'http://127.0.0.1:1/elsewhere' }),
      await token(key, { realm_access: { roles: ['supervisor'] } }, { aud: 'another-app' }),
    ]) {
      const res = await call(bad);
      expect([res.status, res.body.error]).toEqual([401, 'AUTH.TOKEN_INVALID']);
    }
    const expired = await call(await token(key, { realm_access: { roles: ['supervisor'] } }, { exp: '-1m' }));
    expect([expired.status, expired.body.error]).toEqual([401, 'AUTH.TOKEN_EXPIRED']);
  });

  it('refuses an agent token without the agent id claim', async () => {
    const res = await call(await token(key, { realm_access: { roles: ['agent'] } }));
    expect([res.status, res.body.error]).toEqual([401, 'AUTH.TOKEN_INVALID']);
  });
});
