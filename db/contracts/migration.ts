import type { Migration } from '../storage/migrations';

// Version 21: contracts with public entities: items, schedule, amendments, deliveries, acceptances, invoices, collections. (Being written: issue 13.)
export const contractsMigration: Migration = {
  version: 21,
  description: 'contracts with public entities: items, schedule, amendments, deliveries, acceptances, invoices, collections',
  up: () => {},
};
