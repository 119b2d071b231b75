import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import type { KhipuClient } from '../api/client';
import { ClientProvider, useOperation } from './client';
import { SettingsProvider, useT, type Settings } from './settings';
import { Shell } from './Shell';
import { NotBuilt } from '../components/NotBuilt';
import { ErrorAlert } from '../components/ErrorAlert';
import { HomeScreen } from '../screens/HomeScreen';
import { MembersScreen } from '../screens/members/MembersScreen';
import { WelcomeScreen } from '../screens/welcome/WelcomeScreen';
import { JournalScreen } from '../screens/journal/JournalScreen';
import { ManualEntryScreen } from '../screens/entry/ManualEntryScreen';
import { ChartScreen } from '../screens/accounts/ChartScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { ReportsScreen } from '../screens/reports/ReportsScreen';
import { PrintTrialBalance } from '../print/PrintTrialBalance';
import { PrintReceipt } from '../print/PrintReceipt';
import { PrintCreditRefund } from '../print/PrintCreditRefund';
import { PrintStatement } from '../print/PrintStatement';
import { PrintArrears } from '../print/PrintArrears';
import { PrintBalanceSheet } from '../print/PrintBalanceSheet';
import { PrintIncomeStatement } from '../print/PrintIncomeStatement';
import { PrintCashBook } from '../print/PrintCashBook';
import { PrintLedger } from '../print/PrintLedger';
import { PrintContributions } from '../print/PrintContributions';
import { PrintMembersBySex } from '../print/PrintMembersBySex';
import { PrintOdelSummary } from '../print/PrintOdelSummary';
import { PrintAssociationSheet } from '../print/PrintAssociationSheet';
import { PrintClosing } from '../print/PrintClosing';
import { PrintPartyStatement } from '../print/PrintPartyStatement';
import { PrintAging } from '../print/PrintAging';
import { PrintPurchasesBook, PrintSalesBook } from '../print/PrintTradeBook';
import { PrintRendicion } from '../print/PrintRendicion';
import { PrintNotaVenta } from '../print/PrintNotaVenta';
import { PrintSaleCollection } from '../print/PrintSaleCollection';
import { PrintPaymentVoucher } from '../print/PrintPaymentVoucher';
import { PrintContractSheet } from '../print/PrintContractSheet';
import { PrintDeliveryNote } from '../print/PrintDeliveryNote';
import { PrintSettlement } from '../print/PrintSettlement';
import { PrintSettlementsSummary } from '../print/PrintSettlementsSummary';
import { ContractsScreen } from '../screens/contracts/ContractsScreen';
import { AcopioScreen } from '../screens/acopio/AcopioScreen';
import { OdelScreen } from '../screens/odel/OdelScreen';
import { ContributionsScreen } from '../screens/contributions/ContributionsScreen';
import { PaymentScreen } from '../screens/contributions/PaymentScreen';
import { ReceiptsScreen } from '../screens/contributions/ReceiptsScreen';
import { ArrearsScreen } from '../screens/arrears/ArrearsScreen';
import { StatementScreen } from '../screens/statement/StatementScreen';
import { MemberLookupScreen } from '../screens/lookup/MemberLookupScreen';
import { SalesScreen } from '../screens/sales/SalesScreen';
import { FairDayScreen } from '../screens/sales/FairDayScreen';
import { CollectScreen } from '../screens/sales/CollectScreen';
import { AgingScreen } from '../screens/trade/AgingScreen';
import { BooksScreen } from '../screens/trade/BooksScreen';
import { RendicionScreen } from '../screens/trade/RendicionScreen';
import { PurchasesScreen } from '../screens/purchases/PurchasesScreen';
import { PartiesScreen } from '../screens/purchases/PartiesScreen';
import { PaymentsScreen } from '../screens/purchases/PaymentsScreen';
import { StoreScreen } from '../screens/purchases/StoreScreen';

/** First screen: the wizard when the file is empty, else the first association. */
function Start() {
  const t = useT();
  const associations = useOperation('listAssociations', {});
  if (associations.isPending) return <p className="loading">{t('app.loading')}</p>;
  if (associations.isError) return <div className="welcome"><ErrorAlert message={associations.error.message} /></div>;
  const first = associations.data?.[0];
  return <Navigate to={first ? `/a/${first.id}/inicio` : '/bienvenida'} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Start />} />
      <Route path="/bienvenida" element={<WelcomeScreen />} />
      <Route path="/a/:associationId" element={<Shell />}>
        <Route index element={<Navigate to="inicio" replace />} />
        <Route path="inicio" element={<HomeScreen />} />
        <Route path="socios" element={<MembersScreen />} />
        <Route path="aportes" element={<ContributionsScreen />} />
        <Route path="aportes/cobrar" element={<PaymentScreen />} />
        <Route path="aportes/recibos" element={<ReceiptsScreen />} />
        <Route path="aportes/morosos" element={<ArrearsScreen />} />
        <Route path="socios/:memberId/estado" element={<StatementScreen />} />
        <Route path="compras" element={<PurchasesScreen />} />
        <Route path="compras/proveedores" element={<PartiesScreen />} />
        <Route path="compras/pagos" element={<PaymentsScreen />} />
        <Route path="compras/almacen" element={<StoreScreen />} />
        <Route path="ventas" element={<SalesScreen />} />
        <Route path="ventas/feria" element={<FairDayScreen />} />
        <Route path="ventas/cobrar" element={<CollectScreen />} />
        <Route path="contratos/*" element={<ContractsScreen />} />
        <Route path="acopio/*" element={<AcopioScreen />} />
        <Route path="cuentas-por-pagar-cobrar" element={<AgingScreen />} />
        <Route path="libros-compras-ventas" element={<BooksScreen />} />
        <Route path="rendicion" element={<RendicionScreen />} />
        <Route path="creditos" element={<NotBuilt screen="nav.credit" />} />
        <Route path="costos" element={<NotBuilt screen="nav.costs" />} />
        <Route path="reportes" element={<ReportsScreen />} />
        <Route path="reportes/:report" element={<ReportsScreen />} />
        <Route path="odel" element={<OdelScreen />} />
        <Route path="configuracion" element={<SettingsScreen />} />
        <Route path="diario" element={<JournalScreen />} />
        <Route path="diario/nuevo" element={<ManualEntryScreen />} />
        <Route path="cuentas" element={<ChartScreen />} />
      </Route>
      <Route path="/print/trial-balance" element={<PrintTrialBalance />} />
      <Route path="/print/receipt" element={<PrintReceipt />} />
      <Route path="/print/credit-refund" element={<PrintCreditRefund />} />
      <Route path="/print/statement" element={<PrintStatement />} />
      <Route path="/print/arrears" element={<PrintArrears />} />
      <Route path="/print/balance-sheet" element={<PrintBalanceSheet />} />
      <Route path="/print/income-statement" element={<PrintIncomeStatement />} />
      <Route path="/print/cash-book" element={<PrintCashBook />} />
      <Route path="/print/ledger" element={<PrintLedger />} />
      <Route path="/print/contributions" element={<PrintContributions />} />
      <Route path="/print/members-by-sex" element={<PrintMembersBySex />} />
      <Route path="/print/odel-summary" element={<PrintOdelSummary />} />
      <Route path="/print/association-sheet" element={<PrintAssociationSheet />} />
      <Route path="/print/closing" element={<PrintClosing />} />
      <Route path="/print/party-statement" element={<PrintPartyStatement />} />
      <Route path="/print/aging" element={<PrintAging />} />
      <Route path="/print/purchases-book" element={<PrintPurchasesBook />} />
      <Route path="/print/sales-book" element={<PrintSalesBook />} />
      <Route path="/print/rendicion" element={<PrintRendicion />} />
      <Route path="/print/nota-venta" element={<PrintNotaVenta />} />
      <Route path="/print/sale-collection" element={<PrintSaleCollection />} />
      <Route path="/print/payment-voucher" element={<PrintPaymentVoucher />} />
      <Route path="/print/contract-sheet" element={<PrintContractSheet />} />
      <Route path="/print/delivery-note" element={<PrintDeliveryNote />} />
      <Route path="/print/settlement" element={<PrintSettlement />} />
      <Route path="/print/settlements-summary" element={<PrintSettlementsSummary />} />
      <Route path="/consulta/:associationId" element={<MemberLookupScreen />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

export function App({ client, settings }: { client: KhipuClient; settings?: Partial<Settings> }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } } }),
  );
  return (
    <SettingsProvider {...(settings ? { initial: settings } : {})}>
      <ClientProvider client={client}>
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <AppRoutes />
          </HashRouter>
        </QueryClientProvider>
      </ClientProvider>
    </SettingsProvider>
  );
}
