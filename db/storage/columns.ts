// Column lists beside the kysely table types (db/storage/schema.ts, db/members/schema.ts).

/**
 * The column names of a table, every one of them, in the file's order. A name the type lacks, or a
 * key of the type left out, fails to compile; schema-types.test.ts compares each list with the
 * columns of a freshly migrated file, so a migration that adds a column without its type fails too.
 */
export const columnsOf = <T>() => <const C extends readonly (keyof T & string)[]>(
  names: C & ([Exclude<keyof T, C[number]>] extends [never] ? unknown : { missingColumns: Exclude<keyof T, C[number]> }),
): C => names;
