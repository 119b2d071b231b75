import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

// The e2e tests drive the production build of the renderer, built once per run
// into a folder of its own (so a running `npm run serve` is not disturbed).
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'khipu-e2e-renderer-'));
  await build({ configFile: join(process.cwd(), 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: false } });
  project.provide('rendererDirectory', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDirectory: string;
  }
}
