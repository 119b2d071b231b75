// Child process for the two-writer numbering test: posts N entries into one file.
import { openLedgerDatabase } from '../storage/open';
import { postEntry } from './post';

const [path, associationArg, countArg] = process.argv.slice(2);
const db = openLedgerDatabase(path);
const associationId = Number(associationArg);
const [debit, credit] = (db.prepare('SELECT id FROM accounts WHERE association_id = ? AND postable = 1 ORDER BY code LIMIT 2')
  .all(associationId) as { id: number }[]).map((r) => r.id);
for (let i = 0; i < Number(countArg); i++) {
  postEntry(db, { actor: `writer-${process.pid}`, now: () => new Date() }, {
    associationId, date: '2026-05-01', description: `Movimiento ${i}`,
    lines: [{ accountId: debit!, amount: 100 + i }, { accountId: credit!, amount: -(100 + i) }],
  });
}
db.close();
