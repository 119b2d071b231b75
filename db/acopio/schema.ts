// The tables of migration 22, typed for kysely; db/storage/schema.ts adds them to Schema.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AcopioTables {}
export const acopioSchemaColumns = {} as const;
