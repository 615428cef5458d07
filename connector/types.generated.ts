export interface Operations {}
export type OperationName = keyof Operations;
