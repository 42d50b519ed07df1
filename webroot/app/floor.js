import { h } from './dom.js';
import { t } from './i18n.js';
import { readJson, writeJson } from './storage.js';

// "You have the floor" for a delegate following from afar, often in another tab or with the phone in a
// pocket: a banner, the tab's title, a short beep and a vibration. Sound and vibration are on unless the
// delegate switched them off; the choice is kept in this browser.
const SETTING = 'rapporteur.floorAlert';
const MARK = '✋ ';

export function floorAlertOn() {
  return readJson(SETTING, true) !== false;
}

/** The switch for sound and vibration, beside the floor button. */
export function floorAlertSwitch() {
  const box = h('input', { type: 'checkbox', id: 'floor-alert', checked: floorAlertOn() });
  box.addEventListener('change', () => writeJson(SETTING, box.checked));
  return h('label', { class: 'floor-alert' }, box, ' ', t('floor.alertSwitch'));
}

/** The banner a speaker sees while they hold the floor, naming the item under discussion. */
export function floorBanner(itemText, finish) {
  return h('div', { class: 'floor-banner', id: 'floor-banner', role: 'alert' },
    h('strong', {}, t('floor.youHaveIt')),
    // The item's number and title keep their own direction inside a sentence of the other one.
    itemText ? h('span', { class: 'floor-item' }, t('meeting.now'), ': ', h('bdi', {}, itemText)) : null,
    h('button', { type: 'button', class: 'primary', id: 'finish-floor', onclick: finish }, t('floor.finished')));
}

/** The tab's title: the page's own, led by "You have the floor" while the reader holds it. */
export function titleWhile(speaking, pageTitle) {
  // The chat's count of unread messages, "(2) ", stays in front.
  const unread = document.title.match(/^\(\d+\) /)?.[0] || '';
  document.title = unread + (speaking ? `${MARK}${t('floor.youHaveIt')} — ${pageTitle}` : pageTitle);
}

/** A short two-tone beep made on the spot (no sound file to download) and a vibration, if switched on. */
export function ring() {
  if (!floorAlertOn()) return;
  try {
    navigator.vibrate?.([200, 100, 200]);
  } catch {
    // vibration refused (no user gesture yet): the banner and the title still say it
  }
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  try {
    const audio = new Context();
    [[880, 0], [1320, 0.18]].forEach(([frequency, at]) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.15, audio.currentTime + at);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + at + 0.16);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + at);
      tone.stop(audio.currentTime + at + 0.17);
    });
    setTimeout(() => audio.close(), 600);
  } catch {
    // no audio device: the banner and the title still say it
  }
}
