// Maven runs this in generate-resources: `npm install --no-save` (the locked versions) when the installed packages do not match
// package-lock.json, then `vite build` into target/classes/console when a source is newer
// than the last build. Keeps repeated `mvn test` runs from reinstalling and rebuilding.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const out = join(here, '../../../target/classes/console');
const lockHash = createHash('sha256').update(readFileSync(join(here, 'package-lock.json'))).digest('hex');
const stamp = join(here, 'node_modules/.pintu-lock-hash');
const run = (cmd) => execSync(cmd, { cwd: here, stdio: 'inherit' });

if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  // Not 'npm ci': this npm writes lock files without other platforms' optional packages and its
  // ci then refuses them as out of sync. 'install --no-save' installs the locked versions as well.
  run('npm install --no-audit --no-fund --no-save');
  writeFileSync(stamp, lockHash);
}

const newest = (p) => {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((n) => newest(join(p, n))));
};
const inputs = ['src', 'index.html', 'login.html', 'vite.config.js', 'package-lock.json'].map((p) => newest(join(here, p)));
const built = join(out, 'index.html');
if (existsSync(built) && existsSync(join(out, 'login.html')) && statSync(built).mtimeMs >= Math.max(...inputs)) {
  console.log('console assets are up to date');
} else {
  run('npx vite build');
}
