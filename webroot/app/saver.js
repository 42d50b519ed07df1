import { h } from './dom.js';
import { t } from './i18n.js';
import { readJson, writeJson } from './storage.js';

// Data saver: on paid-by-the-megabyte or slow links the pages stop spending data on their own: no
// presence polling, long light views one part at a time as the reader gets to them, originals only when
// asked. Automatic unless the reader chose: on when the browser says Save-Data (navigator.connection, or
// the server saw the header and marked the page) or a 2G/3G connection.
const KEY = 'rapporteur.dataSaver';
const SLOW = new Set(['slow-2g', '2g', '3g']);

/** 'auto', 'on' or 'off'. */
export function dataSaverSetting() {
  const value = readJson(KEY, 'auto');
  return ['on', 'off'].includes(value) ? value : 'auto';
}

export function dataSaver() {
  const setting = dataSaverSetting();
  if (setting !== 'auto') return setting === 'on';
  const connection = navigator.connection;
  return !!connection?.saveData || SLOW.has(connection?.effectiveType)
    || document.documentElement.dataset.saveData === 'on';
}

/** The setting as a control: automatic, on, off. */
export function dataSaverControl() {
  const select = h('select', { id: 'data-saver', onchange: () => writeJson(KEY, select.value) },
    ['auto', 'on', 'off'].map((v) => h('option', { value: v, selected: v === dataSaverSetting() }, t(`saver.${v}`))));
  return h('label', { class: 'data-saver' }, t('saver.label'), ' ', select);
}
