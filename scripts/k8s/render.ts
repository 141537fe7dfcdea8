import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderManifest } from './render-manifest';
import { buildManifests } from './manifests';

// `npm run k8s:render`: validates every object against the Kubernetes API schemas, then writes deploy/k8s/.
const dir = join(__dirname, '..', '..', 'deploy', 'k8s');
for (const m of buildManifests()) {
  writeFileSync(join(dir, m.file), renderManifest(m));
  process.stdout.write(`wrote deploy/k8s/${m.file}\n`);
}
