import { Controller, Delete, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConsoleErrors } from '../console.errors';
import { PUBLIC_URL } from '../oidc/oidc.controller';
import { bearerToken, cookieAgeMs, MEDIA_COOKIE, MEDIA_COOKIE_PATH } from './media-cookie';

/**
 * `POST /auth/media-session` with the bearer token: the console keeps it in the recordings cookie so an `<audio>`
 * element can play a call through the proxy; `DELETE` forgets it (signing out). The token is not checked here:
 * the cookie only carries what the browser already holds, and telephony-events verifies it on every request.
 */
@Controller('auth/media-session')
export class MediaSessionController {
  constructor(@Inject(PUBLIC_URL) private readonly publicUrl: string | undefined) {}

  @Post()
  @HttpCode(204)
  open(@Headers('authorization') authorization: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const token = bearerToken(authorization);
    if (!token) throw ConsoleErrors.mediaSessionWithoutToken();
    const maxAge = cookieAgeMs(token, Date.now());
    if (maxAge === 0) throw ConsoleErrors.mediaSessionWithoutToken();
    res.cookie(MEDIA_COOKIE, token, { ...this.options(req), maxAge });
  }

  @Delete()
  @HttpCode(204)
  close(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    res.clearCookie(MEDIA_COOKIE, this.options(req));
  }

  private options(req: Request) {
    // Secure whenever the console is reached over https, directly or (by its public URL) behind a TLS proxy.
    const secure = req.secure || (this.publicUrl?.startsWith('https://') ?? false);
    return { httpOnly: true, sameSite: 'strict' as const, path: MEDIA_COOKIE_PATH, secure };
  }
}
