import { h, mount } from '../dom.js';
import { t, plural, language, LANGUAGES } from '../i18n.js';
import { REGIONS } from './groups.js';
import { barChart } from '../charts.js';
import { STATUSES, setTitle, loadAll, loadRates, formatNumber, formatMoney, isolated } from '../portal.js';

const STATUS_COLORS = {
  pipeline: '#9db7d5', implementation: '#0b5cad', finalisation: '#5a8f29', closed: '#6b7280', cancelled: '#b00020', suspended: '#c77700',
};
const CASH = '#0b5cad';
const IN_KIND = '#e0a040';

/** Small charts of all projects, computed in the browser from the list (a few hundred projects at most). */
export async function renderDashboard(main) {
  const [projects, rates] = await Promise.all([loadAll('/api/projects'), loadRates()]);
  setTitle(t('dashboard.title'), t('portal.title'));
  const rtl = LANGUAGES.find((l) => l.code === language())?.dir === 'rtl';
  const usd = (n) => formatMoney(n, 'USD');
  const usdShort = (n) => formatNumber(n, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
  const regions = REGIONS.filter((r) => projects.some((p) => p.region === r));
  const ofRegion = (r) => projects.filter((p) => p.region === r);
  const statuses = STATUSES.filter((s) => projects.some((p) => p.status === s));
  const funds = (list, kind) => list.reduce((sum, p) => sum + p.partners.reduce((s2, x) => s2 + x.contributions
    .filter((c) => c.kind === kind).reduce((s3, c) => s3 + (rates.usd(c) ?? 0), 0), 0), 0);
  const indicators = (list) => list.flatMap((p) => p.results.flatMap((r) => r.indicators));
  const cash = funds(projects, 'cash');
  const inKind = funds(projects, 'in-kind');
  mount(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/initiatives' }, t('portal.title'))),
    h('h1', {}, t('dashboard.title')),
    h('p', { class: 'muted', id: 'dashboard-count' }, plural('portal.projectCount', projects.length)),
    h('div', { class: 'chart-grid' },
      barChart({
        id: 'chart-status', rtl, title: t('dashboard.byStatus'), desc: t('dashboard.byStatusDesc'), format: formatNumber,
        series: statuses.map((s) => ({ label: t(`status.${s}`), color: STATUS_COLORS[s] })),
        rows: regions.map((r) => ({ label: t(`region.${r}`), values: statuses.map((s) => ofRegion(r).filter((p) => p.status === s).length) })),
      }),
      barChart({
        id: 'chart-funds', rtl, title: t('dashboard.funds'), desc: t('dashboard.fundsDesc'), format: usd, short: usdShort,
        series: [{ label: t('money.cash'), color: CASH }, { label: t('money.in-kind'), color: IN_KIND }],
        rows: regions.map((r) => ({ label: t(`region.${r}`), values: [funds(ofRegion(r), 'cash'), funds(ofRegion(r), 'in-kind')] })),
      }),
      barChart({
        id: 'chart-cash', rtl, title: t('dashboard.cashInKind'), desc: t('dashboard.cashInKindDesc', { cash: isolated(usd(cash)), inKind: isolated(usd(inKind)) }), format: usd, short: usdShort,
        series: [{ label: t('money.amount'), color: CASH }],
        rows: [{ label: t('money.cash'), values: [cash], color: CASH }, { label: t('money.in-kind'), values: [inKind], color: IN_KIND }],
      }),
      barChart({
        id: 'chart-results', rtl, title: t('dashboard.results'), desc: t('dashboard.resultsDesc'), format: formatNumber,
        series: [{ label: t('dashboard.reached'), color: '#5a8f29' }, { label: t('dashboard.notReached'), color: '#c9ced6' }],
        rows: regions.map((r) => {
          const list = indicators(ofRegion(r));
          const reached = list.filter((i) => i.reached).length;
          return { label: t(`region.${r}`), values: [reached, list.length - reached], end: `${formatNumber(reached)}/${formatNumber(list.length)}` };
        }),
      })));
}
