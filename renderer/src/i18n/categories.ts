import { purchaseCategoryKeys, type PurchaseCategory } from '../../../shared/operations/purchases';

/**
 * The purchase categories in plain words, read from the engine's catalog (shared/i18n/<locale>/purchases.ts,
 * `purchase.category.*`) under the key prefix a screen looks them up by: one text per category and language.
 */
export function categoryWords<Prefix extends string>(prefix: Prefix, engine: Record<string, string>): Record<`${Prefix}${PurchaseCategory}`, string> {
  return Object.fromEntries(
    purchaseCategoryKeys.map((category) => [`${prefix}${category}`, engine[`purchase.category.${category}`] ?? category]),
  ) as Record<`${Prefix}${PurchaseCategory}`, string>;
}
