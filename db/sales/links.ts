// What sales take from the parties and stock registers (db/parties, db/stock), named in one place.

export { requireParty } from '../parties/require';
export {
  inventoryRoleOf, moveStock, requireProduct, stockOnHand, stockOutCost, type ProductRow,
} from '../stock/movements';
