import type { Locale } from '../../shared/i18n';
import type { ExportReportName } from '../../shared/operations/exports';

// Titles and column headings of the exported reports, in the two languages of
// the app. `{name}` placeholders are filled by `fill`.

export interface ExportLabels {
  title: Record<ExportReportName, string>;
  /** File name stems: balance-general-<association>-<date>.xlsx */
  file: Record<ExportReportName, string>;
  sheet: Record<ExportReportName, string>;
  ruc: string;
  place: string;
  printedOn: string;
  amounts: string;
  atDate: string;
  period: string;
  sinceStart: string;
  priorColumn: string;
  odelScopeAll: string;
  odelScopeDistrict: string;
  odelAsOf: string;
  col: {
    code: string; name: string; date: string; entry: string; account: string; description: string; counter: string;
    debit: string; credit: string; balance: string; openingDebit: string; openingCredit: string; closingDebit: string;
    closingCredit: string; member: string; dni: string; type: string; charged: string; paid: string; inKind: string;
    open: string; category: string; active: string; activeShare: string; registered: string; registeredShare: string;
    association: string; ruc: string; women: string; men: string; members: string; income: string; sales: string;
    contractSales: string; expenses: string; result: string; cash: string; receivables: string; debts: string;
    financialDebts: string;
    document: string; party: string; quantity: string; unit: string; amount: string; igv: string; total: string;
    averagePrice: string; documents: string; dueDate: string; daysPastDue: string; notDue: string; days1to30: string;
    days31to90: string; over90: string; productLine: string; product: string;
  };
  /** The trade books and aging (db/trade): groupings, units, document kinds, purchase categories. */
  trade: {
    groupBy: Record<'document' | 'party' | 'productLine' | 'product', string>;
    side: Record<'payable' | 'receivable', string>;
    unit: Record<string, string>;
    documentKind: Record<string, string>;
    category: Record<string, string>;
    publicSale: string; noProductLine: string; noDocument: string;
  };
  row: {
    assets: string; currentAssets: string; nonCurrentAssets: string; totalCurrentAssets: string; totalNonCurrentAssets: string;
    totalAssets: string; liabilities: string; currentLiabilities: string; nonCurrentLiabilities: string;
    totalCurrentLiabilities: string; totalNonCurrentLiabilities: string; totalLiabilities: string; equity: string;
    totalEquity: string; totalLiabilitiesAndEquity: string; priorResults: string; periodResult: string;
    income: string; totalIncome: string; expenses: string; totalExpenses: string; result: string;
    opening: string; totals: string; closing: string; byType: string; women: string; men: string; unknown: string;
    total: string; subtotal: string;
  };
}

const es: ExportLabels = {
  title: {
    balanceSheet: 'Estado de situación financiera',
    incomeStatement: 'Estado de resultados',
    cashBook: 'Libro caja y bancos',
    generalLedger: 'Libro mayor',
    trialBalance: 'Balance de comprobación',
    contributionsByMember: 'Aportes por socio',
    membersBySex: 'Socios por sexo',
    odelSummary: 'Resumen de asociaciones (ODEL)',
    purchasesBook: 'Libro de compras',
    salesBook: 'Libro de ventas',
    agingReport: 'Cuentas por pagar y por cobrar por antigüedad',
  },
  file: {
    balanceSheet: 'balance-general', incomeStatement: 'estado-de-resultados', cashBook: 'libro-caja',
    generalLedger: 'libro-mayor', trialBalance: 'balance-de-comprobacion', contributionsByMember: 'aportes-por-socio',
    membersBySex: 'socios-por-sexo', odelSummary: 'resumen-odel', purchasesBook: 'libro-de-compras',
    salesBook: 'libro-de-ventas', agingReport: 'antiguedad-de-saldos',
  },
  sheet: {
    balanceSheet: 'Situación financiera', incomeStatement: 'Resultados', cashBook: 'Caja y bancos', generalLedger: 'Mayor',
    trialBalance: 'Comprobación', contributionsByMember: 'Aportes', membersBySex: 'Socios por sexo', odelSummary: 'Resumen ODEL',
    purchasesBook: 'Compras', salesBook: 'Ventas', agingReport: 'Antigüedad',
  },
  ruc: 'RUC {ruc}',
  place: 'Distrito de {district}, provincia de {province}, {department}',
  printedOn: 'Impreso el {date}',
  amounts: 'Importes en soles (S/)',
  atDate: 'Al {date}',
  period: 'Del {from} al {to}',
  sinceStart: 'Desde el inicio hasta el {to}',
  priorColumn: 'Año anterior',
  odelScopeAll: 'Todas las asociaciones del archivo',
  odelScopeDistrict: 'Distrito de {district}, provincia de {province}, {department} (ubigeo {ubigeo})',
  odelAsOf: 'Socios, caja, cuentas por cobrar y deudas al {date}',
  col: {
    code: 'Cuenta', name: 'Denominación', date: 'Fecha', entry: 'Asiento', account: 'Cuenta', description: 'Glosa',
    counter: 'Contrapartida', debit: 'Debe', credit: 'Haber', balance: 'Saldo', openingDebit: 'Saldo inicial deudor',
    openingCredit: 'Saldo inicial acreedor', closingDebit: 'Saldo final deudor', closingCredit: 'Saldo final acreedor',
    member: 'Socio', dni: 'DNI', type: 'Tipo de aporte', charged: 'Cargado', paid: 'Pagado', inKind: 'En especie',
    open: 'Pendiente', category: 'Sexo', active: 'Socios activos', activeShare: '% activos', registered: 'Registrados',
    registeredShare: '% registrados', association: 'Asociación', ruc: 'RUC', women: 'Mujeres', men: 'Hombres',
    members: 'Socios', income: 'Ingresos', sales: 'Ventas', contractSales: 'Ventas por contrato', expenses: 'Gastos',
    result: 'Resultado', cash: 'Caja y bancos', receivables: 'Cuentas por cobrar', debts: 'Deudas',
    financialDebts: 'Deudas financieras',
    document: 'Documento', party: 'Proveedor o cliente', quantity: 'Cantidad', unit: 'Unidad', amount: 'Importe sin IGV',
    igv: 'IGV', total: 'Total', averagePrice: 'Precio promedio', documents: 'Documentos', dueDate: 'Vence',
    daysPastDue: 'Días vencido', notDue: 'Por vencer', days1to30: '1 a 30 días', days31to90: '31 a 90 días',
    over90: 'Más de 90 días', productLine: 'Línea de producto', product: 'Producto o concepto',
  },
  trade: {
    groupBy: { document: 'Por documento', party: 'Por proveedor o cliente', productLine: 'Por línea de producto', product: 'Por producto' },
    side: { payable: 'Por pagar a proveedores', receivable: 'Por cobrar a clientes' },
    unit: { l: 'litro', kg: 'kg', head: 'cabeza', unit: 'unidad' },
    documentKind: {
      factura: 'Factura', boleta: 'Boleta', recibo_honorarios: 'Recibo por honorarios', ticket: 'Ticket', none: 'Sin documento',
      nota_venta: 'Nota de venta', recibo_egreso: 'Recibo de egreso', recibo_ingreso: 'Recibo de ingreso',
    },
    category: {
      stock: 'Insumos o productos para el almacén', supplies_consumed: 'Alimento, medicinas e insumos usados',
      services: 'Servicios', transport: 'Fletes y pasajes', day_labour: 'Jornales', equipment: 'Equipos y herramientas',
      animals: 'Animales reproductores', other: 'Otros gastos', joint: 'Compra conjunta para socios',
    },
    publicSale: 'Venta al público', noProductLine: 'Sin línea de producto', noDocument: 'Sin documento',
  },
  row: {
    assets: 'ACTIVO', currentAssets: 'Activo corriente', nonCurrentAssets: 'Activo no corriente',
    totalCurrentAssets: 'Total activo corriente', totalNonCurrentAssets: 'Total activo no corriente', totalAssets: 'TOTAL ACTIVO',
    liabilities: 'PASIVO', currentLiabilities: 'Pasivo corriente', nonCurrentLiabilities: 'Pasivo no corriente',
    totalCurrentLiabilities: 'Total pasivo corriente', totalNonCurrentLiabilities: 'Total pasivo no corriente',
    totalLiabilities: 'TOTAL PASIVO', equity: 'PATRIMONIO', totalEquity: 'TOTAL PATRIMONIO',
    totalLiabilitiesAndEquity: 'TOTAL PASIVO Y PATRIMONIO',
    priorResults: 'Resultados de ejercicios anteriores no cerrados', periodResult: 'Resultado del ejercicio',
    income: 'INGRESOS', totalIncome: 'TOTAL INGRESOS', expenses: 'GASTOS', totalExpenses: 'TOTAL GASTOS',
    result: 'RESULTADO DEL PERIODO', opening: 'Saldo inicial', totals: 'Totales', closing: 'Saldo final',
    byType: 'Totales por tipo de aporte', women: 'Mujeres', men: 'Hombres', unknown: 'Sin dato', total: 'Total',
    subtotal: 'Subtotal {district}',
  },
};

const en: ExportLabels = {
  title: {
    balanceSheet: 'Statement of financial position',
    incomeStatement: 'Income statement',
    cashBook: 'Cash and bank book',
    generalLedger: 'General ledger',
    trialBalance: 'Trial balance',
    contributionsByMember: 'Contributions by member',
    membersBySex: 'Members by sex',
    odelSummary: 'Associations summary (ODEL)',
    purchasesBook: 'Purchases book',
    salesBook: 'Sales book',
    agingReport: 'Payables and receivables by age',
  },
  file: {
    balanceSheet: 'balance-sheet', incomeStatement: 'income-statement', cashBook: 'cash-book',
    generalLedger: 'general-ledger', trialBalance: 'trial-balance', contributionsByMember: 'contributions-by-member',
    membersBySex: 'members-by-sex', odelSummary: 'odel-summary', purchasesBook: 'purchases-book', salesBook: 'sales-book',
    agingReport: 'aging',
  },
  sheet: {
    balanceSheet: 'Financial position', incomeStatement: 'Income statement', cashBook: 'Cash and banks', generalLedger: 'Ledger',
    trialBalance: 'Trial balance', contributionsByMember: 'Contributions', membersBySex: 'Members by sex', odelSummary: 'ODEL summary',
    purchasesBook: 'Purchases', salesBook: 'Sales', agingReport: 'Aging',
  },
  ruc: 'RUC {ruc}',
  place: 'District of {district}, province of {province}, {department}',
  printedOn: 'Printed on {date}',
  amounts: 'Amounts in soles (S/)',
  atDate: 'At {date}',
  period: 'From {from} to {to}',
  sinceStart: 'From the beginning to {to}',
  priorColumn: 'Prior year',
  odelScopeAll: 'Every association in the file',
  odelScopeDistrict: 'District of {district}, province of {province}, {department} (ubigeo {ubigeo})',
  odelAsOf: 'Members, cash, receivables and debts at {date}',
  col: {
    code: 'Account', name: 'Name', date: 'Date', entry: 'Entry', account: 'Account', description: 'Description',
    counter: 'Counter accounts', debit: 'Debit', credit: 'Credit', balance: 'Balance', openingDebit: 'Opening debit',
    openingCredit: 'Opening credit', closingDebit: 'Closing debit', closingCredit: 'Closing credit',
    member: 'Member', dni: 'DNI', type: 'Contribution type', charged: 'Charged', paid: 'Paid', inKind: 'In kind',
    open: 'Outstanding', category: 'Sex', active: 'Active members', activeShare: '% active', registered: 'Registered',
    registeredShare: '% registered', association: 'Association', ruc: 'RUC', women: 'Women', men: 'Men',
    members: 'Members', income: 'Income', sales: 'Sales', contractSales: 'Contract sales', expenses: 'Expenses',
    result: 'Result', cash: 'Cash and banks', receivables: 'Receivables', debts: 'Debts', financialDebts: 'Financial debts',
    document: 'Document', party: 'Supplier or buyer', quantity: 'Quantity', unit: 'Unit', amount: 'Amount before IGV',
    igv: 'IGV', total: 'Total', averagePrice: 'Average price', documents: 'Documents', dueDate: 'Due',
    daysPastDue: 'Days overdue', notDue: 'Not yet due', days1to30: '1 to 30 days', days31to90: '31 to 90 days',
    over90: 'Over 90 days', productLine: 'Product line', product: 'Product or concept',
  },
  trade: {
    groupBy: { document: 'By document', party: 'By supplier or buyer', productLine: 'By product line', product: 'By product' },
    side: { payable: 'Payable to suppliers', receivable: 'Receivable from buyers' },
    unit: { l: 'litre', kg: 'kg', head: 'head', unit: 'unit' },
    documentKind: {
      factura: 'Invoice (factura)', boleta: 'Sales slip (boleta)', recibo_honorarios: 'Fee receipt', ticket: 'Ticket',
      none: 'No document', nota_venta: 'Sales note', recibo_egreso: 'Payment voucher', recibo_ingreso: 'Receipt',
    },
    category: {
      stock: 'Inputs or products for the store', supplies_consumed: 'Feed, medicines and inputs used', services: 'Services',
      transport: 'Freight and fares', day_labour: 'Day labour', equipment: 'Equipment and tools', animals: 'Breeding animals',
      other: 'Other expenses', joint: 'Joint purchase for members',
    },
    publicSale: 'Sale to the public', noProductLine: 'No product line', noDocument: 'No document',
  },
  row: {
    assets: 'ASSETS', currentAssets: 'Current assets', nonCurrentAssets: 'Non-current assets',
    totalCurrentAssets: 'Total current assets', totalNonCurrentAssets: 'Total non-current assets', totalAssets: 'TOTAL ASSETS',
    liabilities: 'LIABILITIES', currentLiabilities: 'Current liabilities', nonCurrentLiabilities: 'Non-current liabilities',
    totalCurrentLiabilities: 'Total current liabilities', totalNonCurrentLiabilities: 'Total non-current liabilities',
    totalLiabilities: 'TOTAL LIABILITIES', equity: 'EQUITY', totalEquity: 'TOTAL EQUITY',
    totalLiabilitiesAndEquity: 'TOTAL LIABILITIES AND EQUITY',
    priorResults: 'Prior years’ results not yet closed', periodResult: 'Result for the year',
    income: 'INCOME', totalIncome: 'TOTAL INCOME', expenses: 'EXPENSES', totalExpenses: 'TOTAL EXPENSES',
    result: 'RESULT FOR THE PERIOD', opening: 'Opening balance', totals: 'Totals', closing: 'Closing balance',
    byType: 'Totals by contribution type', women: 'Women', men: 'Men', unknown: 'Not recorded', total: 'Total',
    subtotal: 'Subtotal {district}',
  },
};

export const EXPORT_LABELS: Record<Locale, ExportLabels> = { es, en };

/** `{name}` placeholders filled from `params`. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
