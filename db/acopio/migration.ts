import type { Migration } from '../storage/migrations';

// Version 22: acopio from members: prices by grade and period, day sheets, settlements (liquidaciones) and their payments. (Being written: issue 13.)
export const acopioMigration: Migration = {
  version: 22,
  description: 'acopio from members: prices by grade and period, day sheets, settlements (liquidaciones) and their payments',
  up: () => {},
};
