import { ConsoleErrors } from '../console.errors';

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

export interface OidcTokens {
  access_token: string;
  id_token?: string;
  expires_in?: number;
}

/** The two calls of the authorization-code flow with PKCE, against the issuer's discovery document. */
export class OidcClient {
  private discovery?: Promise<Discovery>;

  constructor(
    private readonly issuer: string,
    private readonly clientId: string,
    private readonly scopes: string,
  ) {}

  async authorizationUrl(p: { redirectUri: string; state: string; challenge: string }): Promise<string> {
    const d = await this.discover();
    const url = new URL(d.authorization_endpoint);
    const q = { response_type: 'code', client_id: this.clientId, redirect_uri: p.redirectUri, scope: this.scopes, state: p.state, code_challenge: p.challenge, code_challenge_method: 'S256' };
    for (const [k, v] of Object.entries(q)) url.searchParams.set(k, v);
    return url.toString();
  }

  async exchange(p: { code: string; redirectUri: string; verifier: string }): Promise<OidcTokens> {
    const d = await this.discover();
    const res = await fetch(d.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: p.code, redirect_uri: p.redirectUri, client_id: this.clientId, code_verifier: p.verifier }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => ({}))) as Partial<OidcTokens> & { error?: string };
    if (!res.ok || typeof body.access_token !== 'string') throw ConsoleErrors.oidcFailed(body.error ?? `token endpoint answered ${res.status}`);
    return body as OidcTokens;
  }

  private discover(): Promise<Discovery> {
    this.discovery ??= fetch(`${this.issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) })
      .then(async (res) => {
        if (!res.ok) throw new Error(`discovery answered ${res.status}`);
        return (await res.json()) as Discovery;
      })
      .catch((err: unknown) => {
        this.discovery = undefined; // try again on the next sign-in
        throw ConsoleErrors.oidcFailed(err instanceof Error ? err.message : String(err));
      });
    return this.discovery;
  }
}
