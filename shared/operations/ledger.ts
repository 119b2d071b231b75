import { z } from 'zod';
import type * as R from '../results';
import { id, isoDate, lineAmount, optionalText, text } from './schemas';

// Associations, the chart of accounts, the journal and the reports over it.

/** Entries per postEntries call: a year of a busy association's collection days fits in one. */
export const MAX_BATCH_ENTRIES = 5_000;

const entryLine = z.object({
  accountId: id,
  amount: lineAmount,
  memo: optionalText(300),
  memberId: id.nullish(),
  partyId: id.nullish(),
  contractId: id.nullish(),
  productLineId: id.nullish(),
});

const entryFields = { date: isoDate, description: text(500), lines: z.array(entryLine).max(500) };

export const ledgerOperations = {
  listAssociations: { input: z.object({}) },
  getAssociation: { input: z.object({ associationId: id }) },
  createAssociation: {
    input: z.object({
      name: text(200),
      ruc: z.string().trim().nullish(),
      legalForm: z.enum(['asociacion', 'cooperativa', 'comite', 'comunidad', 'otra']),
      registryEntry: optionalText(100),
      ubigeo: z.string().trim(),
      address: optionalText(300),
      mainProducts: z.array(text(100)).max(20).optional(),
      fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
    }),
  },
  /**
   * Corrects the association's details; fields left out keep their value, null clears an optional one.
   * Each change goes to the audit log with its old and new value. The fiscal-year start month changes
   * only while the association has no entries.
   */
  updateAssociation: {
    input: z.object({
      associationId: id,
      name: text(200).optional(),
      ruc: z.string().trim().nullish(),
      legalForm: z.enum(['asociacion', 'cooperativa', 'comite', 'comunidad', 'otra']).optional(),
      registryEntry: optionalText(100),
      ubigeo: z.string().trim().optional(),
      address: optionalText(300),
      mainProducts: z.array(text(100)).max(20).optional(),
      fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
    }),
  },
  /** The example milk association from the first-run wizard; created on first use. */
  openExampleAssociation: { input: z.object({}) },
  setLockDate: {
    input: z.object({ associationId: id, lockDate: isoDate.nullable(), reason: optionalText(500) }),
  },
  listAccounts: { input: z.object({ associationId: id, search: z.string().max(100).optional() }) },
  addAccount: {
    input: z.object({ associationId: id, parentCode: z.string().trim(), code: z.string().trim(), name: text(200) }),
  },
  renameAccount: { input: z.object({ associationId: id, accountId: id, name: text(200) }) },
  setAccountArchived: { input: z.object({ associationId: id, accountId: id, archived: z.boolean() }) },
  postEntry: { input: z.object({ associationId: id, ...entryFields }) },
  /**
   * Many entries in one all-or-nothing write (a journal imported from a spreadsheet, the
   * generator): the same checks and triggers as postEntry, one audit row for the batch.
   */
  postEntries: {
    input: z.object({ associationId: id, entries: z.array(z.object(entryFields)).min(1).max(MAX_BATCH_ENTRIES) }),
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

export interface LedgerResults {
  listAssociations: R.AssociationSummary[];
  getAssociation: R.AssociationDetails;
  createAssociation: { id: number };
  updateAssociation: R.AssociationDetails;
  openExampleAssociation: { id: number; created: boolean };
  setLockDate: void;
  listAccounts: R.AccountView[];
  addAccount: R.AccountView;
  renameAccount: R.AccountView;
  setAccountArchived: R.AccountView;
  postEntry: R.PostedEntry;
  postEntries: R.PostedBatch;
  reverseEntry: R.PostedEntry;
  getEntry: R.JournalEntryView;
  accountBalances: R.BalanceAtDate[];
  accountActivity: R.AccountBalance[];
  trialBalance: R.TrialBalance;
  listJournal: R.JournalPage;
}
