/*
 * What the acopio screens need from a day's sheet and a settlement, in the screens' own words.
 * The engine's results (shared/operations/acopio.ts) are mapped onto these by AcopioDayScreen.
 */

/** A grade the product is bought in on the day and its price per whole unit (céntimos); '' = ungraded. */
export interface GradePrice {
  grade: string;
  unitPrice: number;
}

export interface GridMember {
  id: number;
  name: string;
}

/** One typed row of the day's grid, ready for the engine: quantity in thousandths. */
export interface DayRowInput {
  memberId: number;
  grade: string;
  quantity: number;
}
