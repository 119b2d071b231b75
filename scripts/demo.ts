// `npm run demo`: the example milk association in the data file (KHIPU_DB or the user's data folder),
// created once through the engine's API with a fixed seed. Then `npm start` shows it.
import { createLedgerApi } from '../db/api';
import { openLedgerDatabase, resolveDatabasePath } from '../db/storage/open';

const path = resolveDatabasePath(process.argv[2]);
const db = openLedgerDatabase(path);
try {
  const api = createLedgerApi(db, { actor: 'demo' });
  const { id, created } = api.openExampleAssociation({});
  const { total } = api.listJournal({ associationId: id, limit: 1 });
  const receipts = api.listReceipts({ associationId: id }).length;
  console.log(`${created ? 'Se creó' : 'Ya existía'} la asociación de ejemplo (${total} asientos, ${receipts} recibos) en ${path}`);
} finally {
  db.close();
}
