// The tables of migration 21, typed for kysely; db/storage/schema.ts adds them to Schema.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ContractsTables {}
export const contractsSchemaColumns = {} as const;
