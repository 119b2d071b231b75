import { z } from 'zod';
import { isIsoDate } from './dates';
import type * as R from './results';

// THE operation table: every action the UI or a script can take is one row.
// db/ implements it; Electron IPC and browser-mode HTTP dispatch through it.

const id = z.number().int().positive();
const isoDate = z.string().refine(isIsoDate, { message: 'input.date' });
const centimos = z.number().int().refine(Number.isSafeInteger, { message: 'input.notInteger' });
const text = (max: number) => z.string().trim().min(1).max(max);

export const operations = {
  listAssociations: { input: z.object({}) },
  getAssociation: { input: z.object({ associationId: id }) },
  createAssociation: {
    input: z.object({
      name: text(200),
      ruc: z.string().trim().nullish(),
      legalForm: z.enum(['asociacion', 'cooperativa', 'comite', 'comunidad', 'otra']),
      registryEntry: z.string().trim().max(100).nullish(),
      ubigeo: z.string().trim(),
      address: z.string().trim().max(300).nullish(),
      mainProducts: z.array(text(100)).max(20).optional(),
      fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
    }),
  },
  /** The example milk association from the first-run wizard; created on first use. */
  openExampleAssociation: { input: z.object({}) },
  setLockDate: {
    input: z.object({ associationId: id, lockDate: isoDate.nullable(), reason: z.string().trim().max(500).optional() }),
  },
  listAccounts: { input: z.object({ associationId: id, search: z.string().max(100).optional() }) },
  addAccount: {
    input: z.object({ associationId: id, parentCode: z.string().trim(), code: z.string().trim(), name: text(200) }),
  },
  renameAccount: { input: z.object({ associationId: id, accountId: id, name: text(200) }) },
  setAccountArchived: { input: z.object({ associationId: id, accountId: id, archived: z.boolean() }) },
  postEntry: {
    input: z.object({
      associationId: id,
      date: isoDate,
      description: text(500),
      lines: z
        .array(
          z.object({
            accountId: id,
            amount: centimos,
            memo: z.string().trim().max(300).nullish(),
            memberId: id.nullish(),
            partyId: id.nullish(),
            contractId: id.nullish(),
            productLineId: id.nullish(),
          }),
        )
        .max(500),
    }),
  },
  reverseEntry: { input: z.object({ entryId: id, date: isoDate, reason: text(500) }) },
  getEntry: { input: z.object({ entryId: id }) },
  accountBalances: { input: z.object({ associationId: id, date: isoDate }) },
  accountActivity: { input: z.object({ associationId: id, from: isoDate.nullish(), to: isoDate }) },
  trialBalance: { input: z.object({ associationId: id, from: isoDate.nullish(), to: isoDate }) },
  listJournal: {
    input: z.object({
      associationId: id,
      from: isoDate.nullish(),
      to: isoDate.nullish(),
      accountId: id.nullish(),
      memberId: id.nullish(),
      text: z.string().max(200).nullish(),
      limit: z.number().int().min(1).max(1000).optional(),
      offset: z.number().int().min(0).optional(),
    }),
  },
} as const;

export type OperationName = keyof typeof operations;

/** What each operation answers (the result half of the contract). */
export interface OperationResults {
  listAssociations: R.AssociationSummary[];
  getAssociation: R.AssociationDetails;
  createAssociation: { id: number };
  openExampleAssociation: { id: number; created: boolean };
  setLockDate: void;
  listAccounts: R.AccountView[];
  addAccount: R.AccountView;
  renameAccount: R.AccountView;
  setAccountArchived: R.AccountView;
  postEntry: R.PostedEntry;
  reverseEntry: R.PostedEntry;
  getEntry: R.JournalEntryView;
  accountBalances: R.BalanceAtDate[];
  accountActivity: R.AccountBalance[];
  trialBalance: R.TrialBalance;
  listJournal: R.JournalPage;
}
export type OperationResult<Op extends OperationName> = OperationResults[Op];
export type OperationInput<Op extends OperationName> = z.input<(typeof operations)[Op]['input']>;
export type ParsedInput<Op extends OperationName> = z.output<(typeof operations)[Op]['input']>;

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}

/** JSON Schemas of every operation's input, for GET /api/operations and scripts. */
export function operationSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(operations).map(([name, op]) => [name, z.toJSONSchema(op.input, { io: 'input' })]),
  );
}
