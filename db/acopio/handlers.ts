import type { acopioOperations } from '../../shared/operations/acopio';
import type { WriteContext } from '../audit/log';
import type { HandlersFor } from '../handlers';
import type { LedgerDatabase } from '../storage/open';
import { acopioDay, correctAcopioDay, getAcopioDay, listAcopioDays, recordAcopioDay, voidAcopioDay } from './days';
import { productOrigin, setProductOrigin } from './origins';
import { paySettlements } from './payments';
import { listAcopioLevies, listAcopioPrices, removeAcopioPrice, setAcopioLevy, setAcopioPrice } from './prices';
import {
  getSettlement, listSettlements, previewSettlements, recordSettlementPrint, settleAcopioPeriod, voidSettlement,
} from './settlements';

/** This folder's rows of the operation table. */
export function acopioHandlers(db: LedgerDatabase, context: WriteContext): HandlersFor<keyof typeof acopioOperations> {
  return {
    setAcopioPrice: (input) => setAcopioPrice(db, context, input),
    listAcopioPrices: (input) => listAcopioPrices(db, input),
    removeAcopioPrice: (input) => removeAcopioPrice(db, context, input),
    setAcopioLevy: (input) => setAcopioLevy(db, context, input),
    listAcopioLevies: (input) => listAcopioLevies(db, input),
    acopioDay: (input) => acopioDay(db, input),
    recordAcopioDay: (input) => recordAcopioDay(db, context, input),
    correctAcopioDay: (input) => correctAcopioDay(db, context, input),
    voidAcopioDay: (input) => voidAcopioDay(db, context, input),
    getAcopioDay: (input) => getAcopioDay(db, input.dayId),
    listAcopioDays: (input) => listAcopioDays(db, input),
    previewSettlements: (input) => previewSettlements(db, input),
    settleAcopioPeriod: (input) => settleAcopioPeriod(db, context, input),
    getSettlement: (input) => getSettlement(db, input.settlementId),
    listSettlements: (input) => listSettlements(db, input),
    voidSettlement: (input) => voidSettlement(db, context, input),
    paySettlements: (input) => paySettlements(db, context, input),
    recordSettlementPrint: (input) => recordSettlementPrint(db, context, input),
    setProductOrigin: (input) => setProductOrigin(db, context, input),
    productOrigin: (input) => productOrigin(db, input),
  };
}
