import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ReadinessCheck } from '@app/platform';

/** The console is ready when it has an app to serve; the services report their own readiness. */
export class SpaReadiness extends ReadinessCheck {
  readonly name = 'web';
  constructor(private readonly webDir: string) {
    super();
  }
  check(): Promise<boolean> {
    return Promise.resolve(existsSync(join(this.webDir, 'index.html')));
  }
}
