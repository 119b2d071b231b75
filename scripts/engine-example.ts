// Drives the ledger from Node: `npx tsx scripts/engine-example.ts /tmp/ejemplo.sqlite`
import { openLedgerDatabase } from '../db/storage/open';
import { createLedgerApi, dispatch } from '../db/api';
import { formatSoles } from '../shared/money';

const db = openLedgerDatabase(process.argv[2]); // or KHIPU_DB, or the user's data folder
const api = createLedgerApi(db, { actor: 'script' });

const existing = api.listAssociations({});
const associationId =
  existing.find((a) => a.name === 'Asociación Sumaq Q\'oy')?.id ??
  api.createAssociation({ name: 'Asociación Sumaq Q\'oy', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601' }).id;

const accounts = api.listAccounts({ associationId });
const byRole = (role: string) => accounts.find((a) => a.role === role)!.id;

const posted = api.postEntry({
  associationId,
  date: '2026-03-10',
  description: 'Cuota de marzo — Rosa Quispe',
  lines: [
    { accountId: byRole('cash'), amount: 1050 }, // céntimos, debit positive
    { accountId: byRole('dues_income'), amount: -1050 },
  ],
});
console.log(`Asiento ${posted.fiscalYear}-${posted.number}`);

const trial = api.trialBalance({ associationId, to: '2026-12-31' });
console.log(`Débitos ${formatSoles(trial.totals.debits)} = créditos ${formatSoles(trial.totals.credits)}`);

// Errors are data when dispatched (as the transports do):
console.log(dispatch(api, 'postEntry', { associationId, date: '2026-03-10', description: 'x', lines: [] }));
db.close();
