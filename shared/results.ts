// What each operation answers: the other half of the contract in api.ts.
// db/ produces these shapes; the renderer consumes them. Money is integer céntimos.

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

export interface AssociationSummary {
  id: number; name: string; ruc: string | null; legalForm: string; ubigeo: string; lockDate: string | null;
}

export interface AssociationDetails {
  id: number; name: string; ruc: string | null; legalForm: string; registryEntry: string | null;
  ubigeo: string; department: string; province: string; district: string; address: string | null;
  mainProducts: string[]; fiscalYearStartMonth: number; lockDate: string | null; createdAt: string;
}

export interface AccountView {
  id: number;
  code: string;
  name: string;
  pcgeName: string;
  type: AccountType;
  parentId: number | null;
  postable: boolean;
  role: string | null;
  archived: boolean;
}

export interface PostedEntry {
  id: number;
  fiscalYear: number;
  number: number;
}

/** What postEntries wrote: every entry's number, in the order given. */
export interface PostedBatch {
  entries: PostedEntry[];
  lines: number;
}

export interface JournalLineView {
  lineNo: number; accountId: number; code: string; accountName: string; amount: number; memo: string | null;
  memberId: number | null; partyId: number | null; contractId: number | null; productLineId: number | null;
}

export interface JournalEntryView {
  id: number; fiscalYear: number; number: number; date: string; description: string;
  sourceType: string | null; sourceId: number | null;
  reversesEntryId: number | null; reversedByEntryId: number | null;
  createdAt: string; createdBy: string; lines: JournalLineView[];
}

export interface JournalPage {
  total: number;
  entries: JournalEntryView[];
}

export interface AccountBalance {
  accountId: number;
  code: string;
  name: string;
  type: AccountType;
  postable: boolean;
  /** Signed céntimos: debit positive. Headings total their descendants. */
  opening: number;
  debits: number;
  credits: number;
  closing: number;
}

export interface BalanceAtDate {
  accountId: number; code: string; name: string; type: AccountType; postable: boolean; balance: number;
}

export interface TrialBalance {
  rows: AccountBalance[];
  totals: { debits: number; credits: number; debitBalances: number; creditBalances: number };
}
