import { format, parse } from 'date-fns';
import { es, enUS } from 'date-fns/locale';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardMonth } from '../../../shared/operations/reports';
import { useSettings } from '../app/settings';
import { formatMoney } from '../format/format';

/** Income and expenses per month; the same figures sit in a table beside it for screen readers and printing. */
export function IncomeExpenseChart({ months }: { months: readonly DashboardMonth[] }) {
  const { t, locale } = useSettings();
  const label = (month: string) => format(parse(month, 'yyyy-MM', new Date(2000, 0, 1)), 'MMM yyyy', { locale: locale === 'es' ? es : enUS });
  const data = months.map((m) => ({ ...m, label: label(m.month) }));
  return (
    <figure className="chart">
      <figcaption>{t('home.chartTitle')}</figcaption>
      <div className="chart__canvas" aria-hidden="true">
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 24 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} tickFormatter={(value: number) => formatMoney(Math.round(value))} tick={{ fontSize: 12 }} width={96} />
            <Tooltip formatter={(value) => formatMoney(Math.round(Number(value)))} />
            <Legend />
            <Bar dataKey="income" name={t('home.income')} fill="#1f6b3a" isAnimationActive={false} />
            <Bar dataKey="expenses" name={t('home.expenses')} fill="#8c2f1b" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="chart__table">
        <summary>{t('home.chartTable')}</summary>
        <table className="data">
          <thead>
            <tr><th>{t('home.month')}</th><th className="num">{t('home.income')}</th><th className="num">{t('home.expenses')}</th><th className="num">{t('home.result')}</th></tr>
          </thead>
          <tbody>
            {data.map((m) => (
              <tr key={m.month}>
                <td>{m.label}</td>
                <td className="num">{formatMoney(m.income)}</td>
                <td className="num">{formatMoney(m.expenses)}</td>
                <td className="num">{formatMoney(m.result)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
