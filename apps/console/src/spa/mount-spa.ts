import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const SERVER_PATHS = /^\/(api|auth|health|metrics)(\/|$)/;

/**
 * The built single-page app: files as they are (hashed assets cached for a year), and index.html
 * for every other GET so client-side routes survive a reload.
 */
export function mountSpa(app: NestExpressApplication, webDir: string): void {
  app.useStaticAssets(webDir, {
    index: false,
    setHeaders: (res, path) => {
      if (path.includes(`${join('assets', '')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  const index = join(webDir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || SERVER_PATHS.test(req.path)) return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The console has not been built: run `npm run build` / 控制台尚未构建');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
