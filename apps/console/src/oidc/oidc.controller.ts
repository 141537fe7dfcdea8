import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { SignInMode } from '../config/console-config';
import { ConsoleErrors } from '../console.errors';
import { SIGN_IN_MODE } from '../sign-in/sign-in.controller';
import { OidcClient } from './oidc-client';
import { newPkcePair, randomState } from './pkce';

const COOKIE = 'console_oidc';
export const PUBLIC_URL = Symbol('PUBLIC_URL');

/**
 * Authorization code + PKCE. The verifier and state wait in a short-lived HttpOnly cookie; the
 * issued tokens go to the app in the URL fragment, which never reaches a server log.
 */
@Controller('auth/oidc')
export class OidcController {
  constructor(
    @Inject(SIGN_IN_MODE) private readonly mode: SignInMode,
    @Inject(PUBLIC_URL) private readonly publicUrl: string | undefined,
    private readonly client: OidcClient,
  ) {}

  @Get('login')
  async login(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (this.mode.kind !== 'oidc') throw ConsoleErrors.oidcDisabled();
    const { verifier, challenge } = newPkcePair();
    const state = randomState();
    res.cookie(COOKIE, `${state}.${verifier}`, { httpOnly: true, sameSite: 'lax', maxAge: 10 * 60_000, path: '/auth/oidc' });
    res.redirect(await this.client.authorizationUrl({ redirectUri: this.redirectUri(req), state, challenge }));
  }

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response, @Query('code') code?: string, @Query('state') state?: string, @Query('error') error?: string): Promise<void> {
    if (this.mode.kind !== 'oidc') throw ConsoleErrors.oidcDisabled();
    if (error) throw ConsoleErrors.oidcFailed(error);
    const [expected, verifier] = (readCookie(req, COOKIE) ?? '').split('.');
    if (!code || !state || !verifier || state !== expected) throw ConsoleErrors.oidcFailed('state mismatch or missing code');
    const tokens = await this.client.exchange({ code, redirectUri: this.redirectUri(req), verifier });
    res.clearCookie(COOKIE, { path: '/auth/oidc' });
    const fragment = new URLSearchParams({ access_token: tokens.access_token, ...(tokens.id_token ? { id_token: tokens.id_token } : {}) });
    res.redirect(`/sign-in/callback#${fragment.toString()}`);
  }

  private redirectUri(req: Request): string {
    return `${this.publicUrl ?? `${req.protocol}://${req.get('host')}`}/auth/oidc/callback`;
  }
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
