// The contracts rows of the operation table (issue 13; being written).
export const contractsOperations = {} as const;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ContractsResults {}
