import { afterEach, beforeEach, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createAssociation } from '../associations/service';
import { tempDatabase, testContext } from '../testing/temp-db';

let env: ReturnType<typeof tempDatabase>;
beforeEach(() => { env = tempDatabase(); });
afterEach(() => env.cleanup());

const writer = fileURLToPath(new URL('./numbering-writer.ts', import.meta.url));

function runWriter(path: string, associationId: number, count: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path, String(associationId), String(count)], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

it('two processes writing to one file get numbers 1..n with no gap and no repeat', async () => {
  const associationId = createAssociation(env.db, testContext, { name: 'Asociación Señor de Exaltación', legalForm: 'asociacion', ubigeo: '030601' });
  const codes = await Promise.all([runWriter(env.path, associationId, 150), runWriter(env.path, associationId, 150)]);
  expect(codes).toEqual([0, 0]);
  const numbers = (env.db.prepare('SELECT number FROM journal_entries WHERE association_id = ? ORDER BY number').all(associationId) as { number: number }[])
    .map((r) => r.number);
  expect(numbers).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  const writers = env.db.prepare('SELECT COUNT(DISTINCT created_by) AS n FROM journal_entries').get();
  expect(writers).toEqual({ n: 2 });
});
