import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, type OperationName } from '../shared/api';
import type { ApiResponse } from '../shared/bridge';
import { createLedgerApi, dispatchAsync, type LedgerApi } from './api';
import { tempDatabase, testContext } from './testing/temp-db';

// Whatever a script or a broken screen sends, every operation answers a refusal a person can read:
// { code, message, field } from the catalogs, no raw {placeholder}, no stack trace, no page-long echo,
// never "internal"; and a missing association is named as such.

let env: ReturnType<typeof tempDatabase>;
let api: LedgerApi;
let associationId: number;
beforeAll(() => {
  env = tempDatabase();
  api = createLedgerApi(env.db, { actor: testContext.actor, now: testContext.now });
  associationId = api.createAssociation({ name: 'Asociación Sumaq Qoy', legalForm: 'asociacion', ubigeo: '030601' }).id;
});
afterAll(() => env.cleanup());

const names = Object.keys(operations) as OperationName[];
const MISSING_ASSOCIATION = 987_654;

/** The top-level fields of an operation's input, as its JSON Schema lists them. */
function fieldsOf(name: OperationName): { properties: Record<string, { type?: string; enum?: unknown[] }>; required: string[] } {
  const schema = z.toJSONSchema(operations[name].input, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { type?: string; enum?: unknown[] }>; required?: string[];
  };
  return { properties: schema.properties ?? {}, required: schema.required ?? [] };
}

/** A plausible value for a field, from its name and type: enough to get past the schema to the engine. */
function plausible(field: string, type: string | undefined, options: unknown[] | undefined): unknown {
  if (options?.length) return options[0];
  if (field === 'associationId') return MISSING_ASSOCIATION;
  if (type === 'integer' || type === 'number') return /amount|value|centimos/i.test(field) ? 100 : 1;
  if (type === 'boolean') return false;
  if (type === 'array') return [];
  if (field === 'period') return '2026-03';
  if (field === 'ubigeo') return '030601';
  if (field === 'series') return '001';
  if (field === 'format') return 'csv';
  if (/date|^(from|to|asOf|today|leftOn|joinedOn|termStart|termEnd)$/i.test(field)) return '2026-03-01';
  return 'x';
}

function plausibleInput(name: OperationName, withAssociation: number): Record<string, unknown> {
  const { properties, required } = fieldsOf(name);
  return Object.fromEntries(
    required.map((field) => [field, field === 'associationId' ? withAssociation : plausible(field, properties[field]?.type, properties[field]?.enum)]),
  );
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    'x'.repeat(100_000), `{amount}{field}${'{'.repeat(50)}`, '\u200B\u200D', 'Ana\u0000María', '\uD800', 'Infinity', 'NaN',
    '2026-02-30', '31/02/2026', '1.234,56', '__proto__', 'constructor', '<script>alert(1)</script>', "'; DROP TABLE members; --",
  ),
  fc.integer(), fc.constantFrom(2 ** 60, -(2 ** 60), 1e308, -0, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 10_000_000_001, -10_000_000_001),
  fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

function hostileInput(name: OperationName): fc.Arbitrary<unknown> {
  const keys = Object.keys(fieldsOf(name).properties);
  const fields = keys.length > 0 ? fc.constantFrom(...keys) : fc.string({ maxLength: 8 });
  return fc.oneof(
    // Not an object at all.
    fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 })),
    // Any subset of the fields, each with any value (missing fields included).
    fc.record(Object.fromEntries(keys.map((key) => [key, hostileValue])), { requiredKeys: [] }),
    // A plausible input with one field spoilt, against the real association or a missing one.
    fc.tuple(fields, hostileValue, fc.boolean()).map(([field, value, real]) => ({
      ...plausibleInput(name, real ? associationId : MISSING_ASSOCIATION), [field]: value,
    })),
  );
}

function expectReadableRefusal(answer: ApiResponse): void {
  if (answer.ok) return; // some spoilt inputs are still valid (an optional field left null)
  const { error } = answer;
  expect(Object.keys(error).every((key) => ['code', 'message', 'field'].includes(key))).toBe(true);
  expect(error.code).toMatch(/^[a-z][a-zA-Z]*(\.[a-zA-Z]+)+$/);
  expect(error.code).not.toBe('internal');
  expect(error.message).not.toMatch(/[{}]/);
  // What the user typed comes back quoted («…»): only the message's own words must read clean.
  const ownWords = error.message.replace(/«[^»]*»/g, '«»');
  expect(ownWords).not.toMatch(/\n\s+at |Error:|ZodError|undefined|NaN|\[object /);
  expect(error.message.length).toBeLessThanOrEqual(400);
  if (error.field !== undefined) expect(typeof error.field).toBe('string');
  if (error.code === 'association.notFound') expect(error.field).toBe('associationId');
}

describe('hostile input, through dispatch, for every operation', () => {
  it.each(names)('%s answers a readable refusal', async (name) => {
    await fc.assert(
      fc.asyncProperty(hostileInput(name), async (input) => {
        expectReadableRefusal(await dispatchAsync(api, name, input));
      }),
      { numRuns: 25 },
    );
  });

  it('names the association when it does not exist', async () => {
    const wrongField: string[] = [];
    for (const name of names) {
      if (!('associationId' in fieldsOf(name).properties)) continue;
      const answer = await dispatchAsync(api, name, plausibleInput(name, MISSING_ASSOCIATION));
      if (!answer.ok && answer.error.code === 'association.notFound' && answer.error.field !== 'associationId') wrongField.push(name);
      // An operation that only reads one association must say that it does not exist, not fail elsewhere.
      if (!answer.ok && answer.error.field !== undefined && answer.error.field !== 'associationId' && answer.error.code.endsWith('notFound')) {
        wrongField.push(`${name} (${answer.error.code} on ${answer.error.field})`);
      }
    }
    expect(wrongField, wrongField.join('; ')).toEqual([]);
  });
});
