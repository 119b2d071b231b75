/**
 * Chart-of-accounts template for a rural producer association (milk, cuy,
 * honey, flours, vegetables), based on the Plan Contable General Empresarial.
 *
 * SOURCE (official):
 *   Consejo Normativo de Contabilidad / MEF (Dirección General de Contabilidad
 *   Pública), "Plan Contable General Empresarial – Modificado 2019" (PCGE
 *   Modificado 2019, approved by Resolución N° 002-2019-EF/30, in force since
 *   1 January 2020). Read in a plain-text copy of the MEF PDF: GitHub
 *   BrunoAyalaC/Contabilidad, file `pcge.txt` — Capítulo II "Catálogo de
 *   cuentas" (every code and name below), Capítulo I.B "Disposiciones
 *   generales" 1.3, 1.4 and 3.1 (code structure; entities may add digits below
 *   the official codes, but unassigned 2- and 3-digit codes need MEF
 *   authorisation), Anexo I ("Institución financiera" includes cajas and
 *   similar lenders). The introduction says the PCGE, written for for-profit
 *   entities, "con cambios reducidos, puede ser adaptado a otras entidades".
 * Cross-checked against:
 *   - odoo/odoo `addons/l10n_pe/data/template/account.account-pe.csv`
 *     (Odoo's Peruvian PCGE 2019 chart, leaf accounts with Spanish names);
 *   - sebas0ne/accounting-account-finder `src/data/cuentasData.js`
 *     (full 2019 catalogue transcription);
 *   - plancontable/plancontable.github.io `js/pcge.js` (the CNC's
 *     descriptions of each subcuenta; its comment on cuenta 46 pairs
 *     4691/4692 with income divisionarias 7591/7593, and on 49 sends 495 to
 *     7591);
 *   - Actualidad Empresarial N° 185 (junio 2009), P. Ayala Zavala, "Casos de
 *     nuevas aplicaciones de la Cuenta 52 Capital Adicional" (scribd): the PCGE
 *     dropped the old equity account "561 Donaciones"; donations are income in
 *     759. So there is no equity account for donations here.
 *
 * Conventions:
 *   - `pcgeName` is the catalogue's wording; the catalogue prints elements and
 *     2-digit accounts in capitals, stored here in sentence case.
 *   - Codes follow the PCGE hierarchy, one digit per level, so a parent's code
 *     is its child's code minus the last digit. Accounts are listed parents
 *     first (seed in array order).
 *   - A template account is postable exactly when it has no children. The
 *     PCGE says an entity need not open every divisionaria, so some leaves are
 *     3- or 4-digit accounts whose official children are left out.
 *   - Accounts marked `khipuAddition` are Khipu's own divisionarias (4 or 5
 *     digits) under an official subcuenta; their `pcgeName` equals `name`.
 *   - Classes 8, 9, 0 and account 79 are left out on purpose; the year's
 *     result is computed from classes 6 and 7 and closed into 591/592.
 */

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

export interface TemplateAccount {
  /** PCGE code, digits only; a child's code starts with its parent's code. */
  code: string;
  /** Plain Spanish a treasurer understands, e.g. 'Caja', 'Cuotas de socios'. */
  name: string;
  /** The official PCGE name of that code (for Khipu's own accounts, the same as name). */
  pcgeName: string;
  type: AccountType;
  parentCode: string | null;
  /** False for headings (elements, accounts, subcuentas) that only total their children. */
  postable: boolean;
  /** Stable handle the engine and later features use instead of codes. */
  role?: AccountRole;
  /** True only for divisionarias Khipu adds below an official PCGE code. */
  khipuAddition?: boolean;
}

export const accountRoles = [
  // Efectivo
  'cash',
  'bank',
  'bank_detraction',
  'savings',
  // Cuentas por cobrar
  'receivable_customers',
  'member_contributions_receivable',
  'member_loans_receivable',
  'receivable_members',
  'advances_to_render',
  'receivable_other',
  // Inventarios
  'inventory_goods',
  'inventory_products',
  'inventory_raw_materials',
  'inventory_supplies',
  // Activo inmovilizado
  'equipment',
  'biological_assets',
  'biological_assets_growing',
  'accumulated_depreciation',
  'accumulated_depreciation_biological',
  // Pasivo
  'taxes_payable',
  'withholding_tax_payable',
  'social_security_payable',
  'wages_payable',
  'payable_suppliers',
  'fees_payable',
  'member_loans_payable',
  'payable_members',
  'member_credit',
  'loans_payable',
  'interest_payable',
  'conditional_donations',
  'payable_other',
  'deferred_grants',
  // Patrimonio
  'capital',
  'member_capital_contributions',
  'reserves',
  'accumulated_results',
  'accumulated_losses',
  // Gastos
  'purchases',
  'purchases_raw_materials',
  'purchases_supplies',
  'inventory_variation_goods',
  'inventory_variation_raw_materials',
  'inventory_variation_supplies',
  'personnel_expense',
  'payroll_contributions_expense',
  'transport_expense',
  'bank_fees',
  'services_expense',
  'member_work_expense',
  'taxes_expense',
  'asset_disposal_cost',
  'other_expense',
  'biological_fair_value_loss',
  'financial_expense',
  'depreciation_expense',
  'depreciation_expense_biological',
  'cost_of_sales',
  'cost_of_sales_products',
  // Ingresos
  'sales_goods',
  'sales_products',
  'sales_services',
  'production_variation',
  'discounts_received',
  'rental_income',
  'asset_sale_income',
  'grants_income',
  'donations_income',
  'dues_income',
  'extraordinary_income',
  'fines_income',
  'in_kind_income',
  'levy_income',
  'entrance_fees_income',
  'other_income',
  'biological_fair_value_gain',
  'financial_income',
  'loan_interest_income',
] as const;

export type AccountRole = (typeof accountRoles)[number];

export const chartTemplateVersion = 'pcge-2019-asociacion-v1';

/** Classes 1–3 are assets (39, a contra-asset, included), 4 liabilities, 5 equity, 6 expenses, 7 income. */
export function accountTypeOfCode(code: string): AccountType {
  switch (code[0]) {
    case '1':
    case '2':
    case '3':
      return 'asset';
    case '4':
      return 'liability';
    case '5':
      return 'equity';
    case '6':
      return 'expense';
    case '7':
      return 'income';
    default:
      throw new Error(`PCGE class not in the template: ${code}`);
  }
}

function parentOf(code: string): string | null {
  return code.length === 1 ? null : code.slice(0, -1);
}

/** A heading: an element, account or subcuenta that only totals its children. */
function heading(code: string, name: string, pcgeName: string = name): TemplateAccount {
  return { code, name, pcgeName, type: accountTypeOfCode(code), parentCode: parentOf(code), postable: false };
}

/** A postable official PCGE account. */
function account(code: string, name: string, pcgeName: string, role?: AccountRole): TemplateAccount {
  const base: TemplateAccount = {
    code,
    name,
    pcgeName,
    type: accountTypeOfCode(code),
    parentCode: parentOf(code),
    postable: true,
  };
  return role === undefined ? base : { ...base, role };
}

/** A postable divisionaria of Khipu's own under an official PCGE code. */
function khipu(code: string, name: string, role?: AccountRole): TemplateAccount {
  return { ...account(code, name, name, role), khipuAddition: true };
}

const accounts: TemplateAccount[] = [
  // ── Elemento 1: Activo disponible y exigible ─────────────────────────────
  heading('1', 'Activo disponible y exigible'),
  heading('10', 'Caja y bancos', 'Efectivo y equivalentes de efectivo'),
  account('101', 'Caja', 'Caja', 'cash'),
  heading('104', 'Bancos – cuentas corrientes', 'Cuentas corrientes en instituciones financieras'),
  account('1041', 'Banco – cuenta corriente', 'Cuentas corrientes operativas', 'bank'),
  account('1042', 'Cuenta de detracciones (Banco de la Nación)', 'Cuentas corrientes para fines específicos', 'bank_detraction'),
  account('106', 'Cuenta de ahorros y depósitos a plazo', 'Depósitos en instituciones financieras', 'savings'),
  heading('12', 'Clientes por cobrar', 'Cuentas por cobrar comerciales – terceros'),
  account('121', 'Clientes – facturas y boletas por cobrar', 'Facturas, boletas y otros comprobantes por cobrar', 'receivable_customers'),
  heading('14', 'Por cobrar a socios y directivos', 'Cuentas por cobrar al personal, a los accionistas (socios) y directores'),
  heading('142', 'Socios', 'Accionistas (o socios)'),
  account('1421', 'Aportes de capital por cobrar a socios', 'Suscripciones por cobrar a socios o accionistas', 'member_contributions_receivable'),
  account('1422', 'Préstamos y adelantos a socios', 'Préstamos', 'member_loans_receivable'),
  khipu('1429', 'Cuotas y multas por cobrar a socios', 'receivable_members'),
  account('143', 'Entregas a rendir cuenta (directivos)', 'Directores', 'advances_to_render'),
  heading('16', 'Otras cuentas por cobrar', 'Cuentas por cobrar diversas – terceros'),
  account('169', 'Otras cuentas por cobrar', 'Otras cuentas por cobrar diversas', 'receivable_other'),

  // ── Elemento 2: Activo realizable ────────────────────────────────────────
  heading('2', 'Activo realizable'),
  heading('20', 'Mercaderías', 'Mercaderías'),
  account('201', 'Mercaderías (productos comprados para vender)', 'Mercaderías', 'inventory_goods'),
  heading('21', 'Productos terminados', 'Productos terminados'),
  account('211', 'Productos terminados (quesos, miel envasada, harinas)', 'Productos terminados', 'inventory_products'),
  heading('24', 'Materias primas', 'Materias primas'),
  account('241', 'Materias primas (leche, granos para procesar)', 'Materias primas', 'inventory_raw_materials'),
  heading('25', 'Suministros y materiales', 'Materiales auxiliares, suministros y repuestos'),
  account('252', 'Suministros (alimento, medicinas, envases, combustible)', 'Suministros', 'inventory_supplies'),

  // ── Elemento 3: Activo inmovilizado ──────────────────────────────────────
  heading('3', 'Activo inmovilizado'),
  heading('33', 'Terrenos, edificios, maquinaria y equipo', 'Propiedad, planta y equipo'),
  account('331', 'Terrenos', 'Terrenos'),
  account('332', 'Local, planta y establos', 'Edificaciones'),
  account('333', 'Maquinaria y equipo (tanque de frío, molino, centrífuga)', 'Maquinaria y equipo de explotación', 'equipment'),
  account('334', 'Vehículos', 'Unidades de transporte'),
  account('335', 'Muebles y enseres', 'Muebles y enseres'),
  account('336', 'Computadoras y otros equipos', 'Equipos diversos'),
  account('337', 'Herramientas', 'Herramientas y unidades de reemplazo'),
  heading('35', 'Animales y plantas', 'Activos biológicos'),
  heading('351', 'Animales y plantas en producción', 'Activos biológicos en producción'),
  account('3511', 'Animales en producción (vacas, cuyes reproductores, colmenas)', 'De origen animal', 'biological_assets'),
  heading('352', 'Animales y plantas en crecimiento', 'Activos biológicos en desarrollo'),
  account('3521', 'Animales en crecimiento (terneras, cuyes de recría)', 'De origen animal', 'biological_assets_growing'),
  heading('39', 'Depreciación acumulada', 'Depreciación y amortización acumulados'),
  heading('395', 'Depreciación acumulada de edificios, maquinaria y equipo', 'Depreciación acumulada de propiedad, planta y equipo'),
  account('3952', 'Depreciación acumulada de edificios, maquinaria y equipo', 'Depreciación acumulada - Costo', 'accumulated_depreciation'),
  account('398', 'Depreciación acumulada de animales en producción', 'Depreciación acumulada - Activos biológicos en producción', 'accumulated_depreciation_biological'),

  // ── Elemento 4: Pasivo ───────────────────────────────────────────────────
  heading('4', 'Pasivo'),
  heading('40', 'Impuestos y aportes por pagar', 'Tributos, contraprestaciones y aportes al sistema público de pensiones y de salud por pagar'),
  heading('401', 'Impuestos al Gobierno nacional', 'Gobierno nacional'),
  account('4011', 'IGV por pagar', 'Impuesto general a las ventas', 'taxes_payable'),
  heading('4017', 'Impuesto a la renta', 'Impuesto a la renta'),
  account('40172', 'Retenciones de cuarta categoría (recibos por honorarios)', 'Renta de cuarta categoría', 'withholding_tax_payable'),
  account('403', 'EsSalud y ONP por pagar', 'Instituciones públicas', 'social_security_payable'),
  heading('41', 'Sueldos por pagar', 'Remuneraciones y participaciones por pagar'),
  account('411', 'Sueldos y jornales por pagar', 'Remuneraciones por pagar', 'wages_payable'),
  heading('42', 'Proveedores por pagar', 'Cuentas por pagar comerciales – terceros'),
  account('421', 'Proveedores – facturas y boletas por pagar', 'Facturas, boletas y otros comprobantes por pagar', 'payable_suppliers'),
  account('424', 'Honorarios por pagar', 'Honorarios por pagar', 'fees_payable'),
  heading('44', 'Por pagar a socios y directivos', 'Cuentas por pagar a los accionistas (socios, partícipes) y directores'),
  heading('441', 'Socios', 'Accionistas (socios, partícipes)'),
  account('4411', 'Préstamos recibidos de socios', 'Préstamos', 'member_loans_payable'),
  // Credit in favour a member paid in advance (saldo a favor) is a debt to her of its own kind, kept
  // apart from what the association owes her for milk and products delivered (4419).
  khipu('4418', 'Saldo a favor de socios (adelantos)', 'member_credit'),
  account('4419', 'Por pagar a socios (acopio de leche y productos)', 'Otras cuentas por pagar', 'payable_members'),
  heading('45', 'Préstamos recibidos', 'Obligaciones financieras'),
  account('451', 'Préstamos de bancos, cajas y cooperativas', 'Préstamos de instituciones financieras y otras entidades', 'loans_payable'),
  account('455', 'Intereses de préstamos por pagar', 'Costos de financiación por pagar', 'interest_payable'),
  heading('46', 'Otras cuentas por pagar', 'Cuentas por pagar diversas – terceros'),
  heading('469', 'Otras cuentas por pagar', 'Otras cuentas por pagar diversas'),
  account('4692', 'Donaciones recibidas con condiciones por cumplir', 'Donaciones condicionadas', 'conditional_donations'),
  account('4699', 'Otras deudas', 'Otras cuentas por pagar', 'payable_other'),
  heading('49', 'Ingresos por devengar', 'Pasivo diferido'),
  account('495', 'Subvenciones recibidas por devengar', 'Subsidios recibidos diferidos', 'deferred_grants'),

  // ── Elemento 5: Patrimonio ───────────────────────────────────────────────
  heading('5', 'Patrimonio', 'Patrimonio neto'),
  heading('50', 'Fondo social (capital)', 'Capital'),
  account('501', 'Fondo social', 'Capital social', 'capital'),
  heading('52', 'Capital adicional', 'Capital adicional'),
  heading('522', 'Aportes por capitalizar', 'Capitalizaciones en trámite'),
  account('5221', 'Aportes de capital de socios', 'Aportes', 'member_capital_contributions'),
  heading('58', 'Reservas', 'Reservas'),
  account('584', 'Reservas del estatuto', 'Estatutarias', 'reserves'),
  heading('59', 'Resultados de años anteriores', 'Resultados acumulados'),
  account('591', 'Excedentes acumulados', 'Utilidades no distribuidas', 'accumulated_results'),
  account('592', 'Déficits acumulados', 'Pérdidas acumuladas', 'accumulated_losses'),

  // ── Elemento 6: Gastos por naturaleza ────────────────────────────────────
  heading('6', 'Gastos', 'Gastos por naturaleza'),
  heading('60', 'Compras', 'Compras'),
  account('601', 'Compras de mercaderías (acopio para vender)', 'Mercaderías', 'purchases'),
  account('602', 'Compras de materias primas', 'Materias primas', 'purchases_raw_materials'),
  account('603', 'Compras de suministros y materiales', 'Materiales auxiliares, suministros y repuestos', 'purchases_supplies'),
  heading('61', 'Variación de inventarios', 'Variación de inventarios'),
  account('611', 'Variación de mercaderías', 'Mercaderías', 'inventory_variation_goods'),
  account('612', 'Variación de materias primas', 'Materias primas', 'inventory_variation_raw_materials'),
  account('613', 'Variación de suministros y materiales', 'Materiales auxiliares, suministros y repuestos', 'inventory_variation_supplies'),
  heading('62', 'Gastos de personal', 'Gastos de personal y directores'),
  account('621', 'Sueldos y jornales', 'Remuneraciones', 'personnel_expense'),
  account('624', 'Capacitación', 'Capacitación'),
  account('627', 'Aportes a EsSalud y seguros del personal', 'Seguridad, previsión social y otras contribuciones', 'payroll_contributions_expense'),
  heading('63', 'Servicios de terceros', 'Gastos de servicios prestados por terceros'),
  account('631', 'Fletes, pasajes y viáticos', 'Transporte, correos y gastos de viaje', 'transport_expense'),
  account('632', 'Contador y asesorías', 'Asesoría y consultoría'),
  heading('634', 'Mantenimiento y reparaciones', 'Mantenimiento y reparaciones'),
  account('6343', 'Mantenimiento de local, maquinaria y equipo', 'Propiedad, planta y equipo'),
  account('6345', 'Atención veterinaria y cuidado de animales', 'Activos biológicos'),
  account('635', 'Alquileres', 'Alquileres'),
  account('636', 'Luz, agua, teléfono e internet', 'Servicios básicos'),
  heading('639', 'Otros servicios', 'Otros servicios prestados por terceros'),
  account('6391', 'Comisiones y gastos bancarios', 'Gastos bancarios', 'bank_fees'),
  account('6392', 'Análisis de laboratorio (calidad de leche, miel)', 'Gastos de laboratorio'),
  khipu('6399', 'Otros servicios de terceros', 'services_expense'),
  heading('64', 'Impuestos y tasas', 'Gastos por tributos'),
  account('643', 'Tributos municipales (predial, arbitrios, licencias)', 'Gobierno local'),
  account('644', 'Otros tributos (ITF y otros)', 'Otros gastos por tributos', 'taxes_expense'),
  account('645', 'Multas e intereses tributarios', 'Gastos en deuda tributaria'),
  heading('65', 'Otros gastos de gestión', 'Otros gastos de gestión'),
  account('651', 'Seguros', 'Seguros'),
  account('653', 'Cuotas a gremios y suscripciones', 'Suscripciones'),
  account('655', 'Costo de bienes y animales vendidos o dados de baja', 'Costo neto de enajenación de activos inmovilizados y operaciones discontinuadas', 'asset_disposal_cost'),
  account('656', 'Útiles de oficina y materiales de consumo', 'Suministros'),
  heading('659', 'Otros gastos de gestión', 'Otros gastos de gestión'),
  account('6591', 'Donaciones entregadas', 'Donaciones'),
  // The value of members' work days (faenas) the association received: not a third party's service.
  khipu('6598', 'Faenas y trabajo de los socios', 'member_work_expense'),
  khipu('6599', 'Otros gastos', 'other_expense'),
  heading('66', 'Pérdida por valor de animales', 'Pérdida por medición de activos no financieros al valor razonable'),
  heading('662', 'Pérdida por valor de activo inmovilizado', 'Activo inmovilizado'),
  account('6622', 'Pérdida por menor valor de animales y plantas', 'Activos biológicos', 'biological_fair_value_loss'),
  heading('67', 'Gastos financieros', 'Gastos financieros'),
  account('673', 'Intereses de préstamos', 'Intereses por préstamos y otras obligaciones', 'financial_expense'),
  heading('68', 'Depreciación', 'Valuación y deterioro de activos y provisiones'),
  account('684', 'Depreciación de edificios, maquinaria y equipo', 'Depreciación de propiedad, planta y equipo', 'depreciation_expense'),
  account('685', 'Depreciación de animales en producción', 'Depreciación de activos biológicos en producción', 'depreciation_expense_biological'),
  heading('69', 'Costo de ventas', 'Costo de ventas'),
  account('691', 'Costo de mercaderías vendidas', 'Mercaderías', 'cost_of_sales'),
  account('692', 'Costo de productos vendidos', 'Productos terminados', 'cost_of_sales_products'),

  // ── Elemento 7: Ingresos ─────────────────────────────────────────────────
  heading('7', 'Ingresos'),
  heading('70', 'Ventas', 'Ventas'),
  account('701', 'Venta de mercaderías (leche y productos acopiados)', 'Mercaderías', 'sales_goods'),
  account('702', 'Venta de productos (quesos, miel, harinas, hortalizas)', 'Productos terminados', 'sales_products'),
  account('703', 'Venta de servicios', 'Servicios terminados', 'sales_services'),
  heading('71', 'Variación de la producción almacenada', 'Variación de la producción almacenada'),
  account('711', 'Variación de productos terminados', 'Variación de productos terminados', 'production_variation'),
  heading('73', 'Descuentos obtenidos', 'Descuentos, rebajas y bonificaciones obtenidos'),
  account('731', 'Descuentos y bonificaciones de proveedores', 'Descuentos, rebajas y bonificaciones obtenidos', 'discounts_received'),
  heading('75', 'Otros ingresos de gestión', 'Otros ingresos de gestión'),
  account('754', 'Alquiler de maquinaria, equipos o local', 'Alquileres', 'rental_income'),
  account('756', 'Venta de equipos y animales de la asociación', 'Enajenación de activos inmovilizados', 'asset_sale_income'),
  heading('759', 'Otros ingresos de gestión', 'Otros ingresos de gestión'),
  account('7591', 'Subvenciones del Estado', 'Subsidios gubernamentales', 'grants_income'),
  account('7593', 'Donaciones recibidas', 'Donaciones', 'donations_income'),
  heading('7599', 'Ingresos de los socios y otros', 'Otros ingresos de gestión'),
  khipu('75991', 'Cuotas de socios', 'dues_income'),
  khipu('75992', 'Aportes extraordinarios de socios', 'extraordinary_income'),
  khipu('75993', 'Multas a socios', 'fines_income'),
  khipu('75994', 'Aportes en especie y faenas', 'in_kind_income'),
  khipu('75995', 'Retención por litro de acopio', 'levy_income'),
  khipu('75996', 'Cuotas de inscripción de nuevos socios', 'entrance_fees_income'),
  khipu('75999', 'Otros ingresos', 'other_income'),
  heading('76', 'Ganancia por valor de animales', 'Ganancia por medición de activos no financieros al valor razonable'),
  heading('762', 'Ganancia por valor de activo inmovilizado', 'Activo inmovilizado'),
  account('7622', 'Ganancia por mayor valor de animales y plantas (nacimientos, crecimiento)', 'Activos biológicos', 'biological_fair_value_gain'),
  heading('77', 'Ingresos financieros', 'Ingresos financieros'),
  heading('772', 'Intereses ganados', 'Rendimientos ganados'),
  account('7721', 'Intereses de ahorros y depósitos', 'Depósitos en instituciones financieras', 'financial_income'),
  account('7723', 'Intereses de préstamos a socios', 'Préstamos otorgados', 'loan_interest_income'),
];

/** The template, parents before children; frozen so seeding code cannot alter it. */
export const chartTemplate: readonly TemplateAccount[] = Object.freeze(accounts.map((a) => Object.freeze(a)));
