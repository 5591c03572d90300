/*
 * Lectern slide presenter (no dependencies, no build step). Turns the deck page
 * (<main id="deck"> with <section class="slide"> children) into a slideshow:
 * one 16:9 slide at a time, keys and swipes, slide number in the URL hash,
 * overview, presenter window, fullscreen, help. Without this script the page
 * stays a readable list of slides: all "one slide at a time" CSS hangs off the
 * `deck-js` class added here. Flags: ?presenter (speaker view), ?handout.
 * docs/presenting.md describes the behaviour and the DOM hooks.
 */
(() => {
  'use strict';

  const root = document.documentElement;
  const deck = document.getElementById('deck');
  const slides = deck ? [...deck.querySelectorAll(':scope > .slide')] : [];
  const total = slides.length;
  if (!total) return;

  const params = new URLSearchParams(location.search);
  const mode = params.has('handout') ? 'handout' : params.has('presenter') ? 'presenter' : 'audience';
  // Windows of the same deck steer each other; the path keeps two decks apart.
  const deckPath = location.pathname.replace(/index\.html$/, '');

  // English fallbacks; the generator fills data-deck-strings in the page's language.
  const DEFAULT_STRINGS = {
    slideOf: 'Slide {n} of {total}', next: 'Next', previous: 'Previous',
    overview: 'Overview', presenter: 'Presenter view', fullscreen: 'Fullscreen',
    help: 'Keyboard shortcuts', helpTitle: 'Keyboard shortcuts', close: 'Close',
    notes: 'Speaker notes', noNotes: 'No notes for this slide.', nextSlide: 'Next slide',
    endOfDeck: 'End of the presentation', elapsed: 'Elapsed time',
    keyNext: 'Next slide', keyPrevious: 'Previous slide', keyFirstLast: 'First / last slide',
    keyJump: 'Type a number, then Enter: go to that slide', keyOverview: 'Overview',
    keyPresenter: 'Presenter view', keyFullscreen: 'Fullscreen', keyHelp: 'Keyboard shortcuts',
    keyEscape: 'Leave overview or help', popupBlocked: 'Allow pop-ups to open the presenter view.'
  };
  const strings = { ...DEFAULT_STRINGS, ...readStrings() };

  let current = 0;          // 1-based number of the slide on screen; 0 before the first render
  let typed = '';           // digits typed so far for a "number + Enter" jump
  let typedTimer = 0;
  let presenterWindow = null;
  let channel = null;
  const ui = {};            // elements this script creates

  // ------------------------------------------------------------------ helpers
  function readStrings() {
    try { return JSON.parse(deck.getAttribute('data-deck-strings') || '{}') || {}; } catch { return {}; }
  }

  function t(key, vars = {}) {
    return String(strings[key] || DEFAULT_STRINGS[key]).replace(/\{(\w+)\}/g, (m, name) => (name in vars ? vars[name] : m));
  }

  /** el('p', {class: 'x'}, ['text', node]) */
  function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    node.append(...[].concat(children));
    return node;
  }

  function svg(body) {
    return '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" fill="none" ' +
      'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">' + body + '</svg>';
  }

  const ICONS = {
    previous: svg('<path d="M15 5l-7 7 7 7"/>'),
    next: svg('<path d="M9 5l7 7-7 7"/>'),
    overview: svg('<rect x="3" y="4" width="7" height="6.5"/><rect x="14" y="4" width="7" height="6.5"/>' +
      '<rect x="3" y="13.5" width="7" height="6.5"/><rect x="14" y="13.5" width="7" height="6.5"/>'),
    presenter: svg('<rect x="3" y="4" width="18" height="12" rx="1"/><path d="M8 20h8M12 16v4M7 8h6M7 11h10"/>'),
    fullscreen: svg('<path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"/>'),
    help: '<span aria-hidden="true">?</span>',
    reset: '<span aria-hidden="true">↺</span>'
  };

  function button(cls, label, key, icon, onClick) {
    const b = el('button', { type: 'button', class: cls, 'aria-label': label, title: key ? `${label} (${key})` : label });
    b.innerHTML = icon; // static markup from ICONS, never page content
    b.addEventListener('click', (event) => {
      if (event.detail > 0) b.blur(); // after a mouse click, Space must move the slides, not press this again
      onClick();
    });
    return b;
  }

  /** "#5" -> 5 (a "#slide-5" link from the no-JS page works too); anything else -> 0. */
  function parseHash(hash) {
    const m = /^#(?:slide-)?(\d+)$/.exec(hash);
    const n = m ? Number(m[1]) : 0;
    return n >= 1 && n <= total ? n : 0;
  }

  const bodyOf = (slide) => slide.querySelector('.slide-body') || slide;

  /** The generator's aria-label ("Slide 3 of 12: Title"), else one built from the first heading. */
  function labelOf(n) {
    const heading = slides[n - 1].querySelector('h1, h2, h3');
    return slides[n - 1].getAttribute('aria-label') ||
      t('slideOf', { n, total }) + (heading ? ': ' + heading.textContent.trim() : '');
  }

  function copyWithoutIds(node) {
    const copy = node.cloneNode(true);
    for (const e of copy.querySelectorAll('[id]')) e.removeAttribute('id');
    return copy;
  }

  /** An inert copy of a slide, for the overview thumbnails and the "next slide" preview. */
  function canvasFor(slide) {
    const copy = copyWithoutIds(bodyOf(slide));
    copy.classList.add('slide-body');
    const canvas = el('div', { class: 'deck-canvas', 'aria-hidden': 'true' }, copy);
    canvas.inert = true; // links inside a copy must never take focus
    return canvas;
  }

  // ------------------------------------------------------------ fitting content
  // Shrink an overfull slide to fit its 16:9 box. All sizes in a slide are relative to its
  // width, so one factor (--deck-fit) holds at any window size, in thumbnails and in print.
  function fitBody(body) {
    body.style.removeProperty('--deck-fit');
    if (body.clientHeight < 20) return; // not laid out: nothing to measure
    let fit = 1;
    for (let i = 0; i < 6; i++) {
      let ratio = Math.min(body.clientHeight / body.scrollHeight, body.clientWidth / body.scrollWidth);
      for (const pre of body.querySelectorAll('pre')) ratio = Math.min(ratio, pre.clientWidth / pre.scrollWidth);
      if (ratio >= 0.995) break;
      fit = Math.max(0.35, fit * ratio * 0.98);
      body.style.setProperty('--deck-fit', fit.toFixed(3));
    }
  }

  /** Measure each slide, showing it just while measuring (no paint happens in between). */
  function fitAll() {
    for (const slide of slides) {
      const wasHidden = slide.hidden;
      slide.hidden = false;
      fitBody(bodyOf(slide));
      slide.hidden = wasHidden;
    }
  }

  // Images keep their natural size as measured on a 1280px-wide slide (deck.css turns
  // --deck-img-w into slide units): a small logo stays small on a projector and in a thumbnail.
  function sizeImages() {
    for (const img of deck.querySelectorAll('.slide-body img')) {
      const apply = () => {
        const width = Number(img.getAttribute('width')) || img.naturalWidth;
        if (width) { img.style.setProperty('--deck-img-w', String(width)); img.setAttribute('data-deck-sized', ''); }
      };
      if (img.complete) apply(); else img.addEventListener('load', apply, { once: true });
    }
  }

  // ---------------------------------------------------------------- navigation
  function show(n) {
    current = n;
    slides.forEach((slide, i) => {
      slide.hidden = i !== n - 1;
      slide.classList.toggle('is-current', i === n - 1);
    });
    deck.setAttribute('data-current', String(n));
    ui.progress.style.width = (n / total) * 100 + '%';
    ui.counter.textContent = `${n} / ${total}`;
    ui.status.textContent = labelOf(n);
    if (mode === 'presenter') updatePresenter(n);
  }

  /** Go to slide n as a new history entry, and tell the other windows unless they told us. */
  function goTo(n, fromOtherWindow = false) {
    n = Math.min(total, Math.max(1, n));
    if (n === current) return;
    history.pushState(null, '', '#' + n);
    show(n);
    if (!fromOtherWindow) broadcast(n);
  }

  const next = () => goTo(current + 1);
  const previous = () => goTo(current - 1);

  /** The slide the URL asks for; a broken hash ("#99", "#x") is rewritten to "#1". */
  function slideFromUrl() {
    const n = parseHash(location.hash);
    if (!n && location.hash) history.replaceState(null, '', '#1');
    return n || 1;
  }

  // Back / forward and hand-edited hashes.
  function onHistory() {
    const n = slideFromUrl();
    if (n !== current) { show(n); broadcast(n); }
  }

  // ------------------------------------------------------------------ keyboard
  // Letters case-insensitive (Caps Lock); autofill fires keydown events without a key.
  const keyName = (event) => (event.key?.length === 1 ? event.key.toLowerCase() : event.key || '');

  const KEYS = {
    ArrowRight: next, ArrowDown: next, PageDown: next,
    ArrowLeft: previous, ArrowUp: previous, PageUp: previous,
    Home: () => goTo(1), End: () => goTo(total),
    o: toggleOverview, p: openPresenter, f: toggleFullscreen, '?': openHelp
  };

  function onKeyDown(event) {
    const target = event.target;
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (ui.overview?.open) return onOverviewKey(event);
    const key = keyName(event);
    if (ui.help?.open) {
      if (key === 'Escape' || key === '?') { event.preventDefault(); ui.help.close(); }
      return;
    }
    // Enter and Space on a focused link or button keep their usual meaning.
    if ((key === 'Enter' || key === ' ') && !typed && target.closest?.('a, button, summary')) return;

    if (/^[0-9]$/.test(key) || (typed && (key === 'Enter' || key === 'Backspace'))) return typeDigit(event, key);
    const action = key === ' ' ? (event.shiftKey ? previous : next) : KEYS[key];
    clearTyped();
    if (!action) return;
    event.preventDefault();
    action();
  }

  // Digits collect in `typed` (shown top right); Enter jumps to that slide.
  function typeDigit(event, key) {
    event.preventDefault();
    if (key === 'Enter') {
      const n = Number(typed);
      clearTyped();
      return n && goTo(n);
    }
    typed = key === 'Backspace' ? typed.slice(0, -1) : (typed + key).slice(-4);
    ui.jump.textContent = typed;
    ui.jump.hidden = !typed;
    clearTimeout(typedTimer);
    typedTimer = setTimeout(clearTyped, 3000); // a forgotten number must not hijack a later Enter
  }

  function clearTyped() {
    typed = '';
    ui.jump.hidden = true;
    clearTimeout(typedTimer);
  }

  // A swipe counts when it is at least 50px long and clearly more sideways than up or down.
  function setupTouch() {
    let start = null;
    deck.addEventListener('touchstart', (e) => {
      start = e.touches.length === 1 ? { x: e.touches[0].clientX, y: e.touches[0].clientY } : null;
    }, { passive: true });
    deck.addEventListener('touchend', (e) => {
      if (!start) return;
      const dx = e.changedTouches[0].clientX - start.x;
      const dy = e.changedTouches[0].clientY - start.y;
      start = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) (dx < 0 ? next : previous)();
    }, { passive: true });
  }

  // ------------------------------------------------------------------ overview
  function buildOverview() {
    const list = el('ol', { class: 'deck-overview-list' });
    ui.thumbs = slides.map((slide, i) => {
      const thumb = el('button', { type: 'button', class: 'deck-thumb', 'data-slide': i + 1, 'aria-label': labelOf(i + 1) },
        [canvasFor(slide), el('span', { class: 'deck-thumb-number', 'aria-hidden': 'true' }, String(i + 1))]);
      thumb.addEventListener('click', () => { ui.overview.close(); goTo(i + 1); });
      list.append(el('li', {}, thumb));
      return thumb;
    });
    const dialog = el('dialog', { class: 'deck-overview', id: 'deck-overview', 'aria-label': t('overview') }, list);
    dialog.addEventListener('close', () => root.classList.remove('deck-overview-open'));
    document.body.append(dialog);
    return dialog;
  }

  function toggleOverview() {
    if (ui.overview?.open) return ui.overview.close();
    ui.overview ||= buildOverview();
    for (const thumb of ui.thumbs) thumb.removeAttribute('aria-current');
    ui.thumbs[current - 1].setAttribute('aria-current', 'true');
    ui.overview.showModal(); // modal: the slide behind is inert, Tab stays in the grid
    root.classList.add('deck-overview-open');
    ui.thumbs[current - 1].focus();
    ui.thumbs[current - 1].scrollIntoView({ block: 'nearest' });
  }

  function onOverviewKey(event) {
    const key = keyName(event);
    if (key === 'Escape' || key === 'o') { event.preventDefault(); ui.overview.close(); return; }
    const i = ui.thumbs.indexOf(document.activeElement);
    // The grid's resolved columns ("240px 240px 240px") give the row length for up / down.
    const cols = getComputedStyle(ui.thumbs[0].closest('ol')).gridTemplateColumns.split(' ').length;
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols }[key];
    const to = key === 'Home' ? 0 : key === 'End' ? total - 1 : step && i >= 0 ? i + step : null;
    if (to === null) return; // Enter, Space, Tab: the focused button handles them
    event.preventDefault();
    ui.thumbs[Math.min(total - 1, Math.max(0, to))].focus();
  }

  // ---------------------------------------------------------------------- help
  const HELP_ROWS = [
    ['keyNext', ['→', 'Space', 'Page Down']], ['keyPrevious', ['←', 'Shift + Space', 'Page Up']],
    ['keyFirstLast', ['Home', 'End']], ['keyJump', ['1 … 9', 'Enter']], ['keyOverview', ['O']],
    ['keyPresenter', ['P']], ['keyFullscreen', ['F']], ['keyHelp', ['?']], ['keyEscape', ['Esc']]
  ];

  function buildHelp() {
    const rows = HELP_ROWS.map(([key, keys]) => el('div', {}, [
      el('dt', {}, keys.flatMap((k, i) => (i ? [' ', el('kbd', {}, k)] : [el('kbd', {}, k)]))),
      el('dd', {}, t(key))
    ]));
    const close = el('button', { type: 'button', class: 'deck-help-close' }, t('close'));
    const dialog = el('dialog', { class: 'deck-help', id: 'deck-help', 'aria-labelledby': 'deck-help-title' },
      [el('h2', { id: 'deck-help-title' }, t('helpTitle')), el('dl', { class: 'deck-help-keys' }, rows), close]);
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => root.classList.remove('deck-help-open'));
    document.body.append(dialog);
    return dialog;
  }

  function openHelp() {
    ui.help ||= buildHelp();
    if (ui.help.open) return;
    ui.help.showModal();
    root.classList.add('deck-help-open');
  }

  function toggleFullscreen() {
    if (!document.fullscreenEnabled) return;
    if (document.fullscreenElement) document.exitFullscreen();
    else root.requestFullscreen().catch(() => { /* refused: stay in the window */ });
  }

  // ------------------------------------------------- window sync (both sides)
  function openPresenter() {
    if (mode !== 'audience') return;
    if (presenterWindow && !presenterWindow.closed) return presenterWindow.focus();
    presenterWindow = window.open(`${location.pathname}?presenter#${current}`, 'lectern-presenter', 'popup,width=1200,height=760');
    if (!presenterWindow) toast(t('popupBlocked'));
  }

  // The audience window talks to the presenter window it opened, and back.
  const partner = () => (mode === 'presenter' ? window.opener : presenterWindow);

  // BroadcastChannel reaches every window of this deck; postMessage between opener and presenter
  // covers browsers and file:// pages without it. A repeated message is a no-op (slide matches).
  function setupSync() {
    try {
      channel = new BroadcastChannel('lectern-deck:' + deckPath);
      channel.onmessage = (e) => onRemote(e.data);
    } catch { channel = null; }
    window.addEventListener('message', (e) => { if (e.source && e.source === partner()) onRemote(e.data); });
  }

  function broadcast(n) {
    const message = { type: 'lectern-deck', path: deckPath, slide: n };
    channel?.postMessage(message);
    const other = partner();
    try {
      if (other && !other.closed) other.postMessage(message, location.origin === 'null' ? '*' : location.origin);
    } catch { /* window gone */ }
  }

  function onRemote(data) {
    if (data?.type !== 'lectern-deck' || data.path !== deckPath) return;
    const n = Number(data.slide);
    if (n >= 1 && n <= total && n !== current) goTo(n, true);
  }

  // ----------------------------------------------- presenter view (?presenter)
  function buildPresenter() {
    root.classList.add('deck-presenter');
    document.title = `${t('presenter')} – ${document.title}`; // tell the two windows apart
    ui.nextSlide = el('div', { class: 'presenter-next-slide' });
    ui.notes = el('div', { class: 'presenter-notes', id: 'presenter-notes', tabindex: '0' });
    ui.slideOf = el('p', { class: 'presenter-counter', id: 'presenter-counter' });
    ui.timer = el('time', { class: 'presenter-timer', id: 'presenter-timer' }, '00:00');
    const reset = button('presenter-reset', `${t('elapsed')}: 00:00`, '', ICONS.reset, () => startTimer(true));
    reset.id = 'presenter-reset';
    document.body.append(
      el('section', { class: 'presenter-next', id: 'presenter-next', 'aria-labelledby': 'presenter-next-title' },
        [el('h2', { id: 'presenter-next-title' }, t('nextSlide')), ui.nextSlide]),
      el('section', { class: 'presenter-notes-box', 'aria-labelledby': 'presenter-notes-title' },
        [el('h2', { id: 'presenter-notes-title' }, t('notes')), ui.notes]),
      el('div', { class: 'presenter-bar' }, [
        button('presenter-prev', t('previous'), '←', ICONS.previous, previous), ui.slideOf,
        button('presenter-next-button', t('next'), '→', ICONS.next, next),
        el('p', { class: 'presenter-clock' }, [el('span', { class: 'presenter-clock-label' }, t('elapsed')), ' ', ui.timer, ' ', reset])
      ]));
    startTimer(false);
  }

  function updatePresenter(n) {
    const notes = slides[n - 1].querySelector('.notes');
    ui.notes.replaceChildren(...(notes ? copyWithoutIds(notes).childNodes : [el('p', { class: 'presenter-no-notes' }, t('noNotes'))]));
    ui.notes.scrollTop = 0;
    ui.nextSlide.replaceChildren(n < total ? canvasFor(slides[n]) : el('p', { class: 'presenter-end' }, t('endOfDeck')));
    ui.slideOf.textContent = t('slideOf', { n, total });
  }

  // The start time lives in sessionStorage, so reloading the presenter window keeps the clock.
  function startTimer(reset) {
    const key = 'lectern-deck-timer:' + deckPath;
    let start = 0;
    try { start = reset ? 0 : Number(sessionStorage.getItem(key)); } catch { /* storage blocked */ }
    start ||= Date.now();
    try { sessionStorage.setItem(key, String(start)); } catch { /* storage blocked */ }
    const pad = (v) => String(v).padStart(2, '0');
    const tick = () => {
      const s = Math.max(0, Math.floor((Date.now() - start) / 1000));
      ui.timer.textContent = `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
      ui.timer.setAttribute('datetime', `PT${Math.floor(s / 60)}M${s % 60}S`);
    };
    tick();
    clearInterval(ui.timerInterval);
    ui.timerInterval = setInterval(tick, 1000);
  }

  // --------------------------------------------------------- audience chrome
  function buildChrome() {
    ui.progress = el('span');
    ui.counter = el('span', { class: 'deck-counter', 'aria-hidden': 'true' });
    ui.status = el('div', { class: 'deck-sr-only', id: 'deck-status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    ui.jump = el('div', { class: 'deck-jump', 'aria-hidden': 'true', hidden: '' });
    ui.toast = el('div', { class: 'deck-toast', role: 'status', hidden: '' });
    const controls = el('div', { class: 'deck-controls' }, [
      button('deck-prev', t('previous'), '←', ICONS.previous, previous), ui.counter,
      button('deck-next', t('next'), '→', ICONS.next, next),
      button('deck-overview-button', t('overview'), 'O', ICONS.overview, toggleOverview)
    ]);
    if (mode === 'audience') controls.append(button('deck-presenter-button', t('presenter'), 'P', ICONS.presenter, openPresenter));
    if (document.fullscreenEnabled) controls.append(button('deck-fullscreen-button', t('fullscreen'), 'F', ICONS.fullscreen, toggleFullscreen));
    controls.append(button('deck-help-button', t('help'), '?', ICONS.help, openHelp));
    document.body.append(el('div', { class: 'deck-progress', 'aria-hidden': 'true' }, ui.progress),
      controls, ui.jump, ui.toast, ui.status);
  }

  function toast(text) {
    ui.toast.textContent = text;
    ui.toast.hidden = false;
    clearTimeout(ui.toastTimer);
    ui.toastTimer = setTimeout(() => { ui.toast.hidden = true; }, 6000);
  }

  // While the mouse rests the controls and the cursor fade out: the projector shows only the slide.
  function setupIdle() {
    let timer = 0;
    const wake = () => {
      root.classList.remove('deck-idle');
      clearTimeout(timer);
      timer = setTimeout(() => root.classList.add('deck-idle'), 2500);
    };
    document.addEventListener('pointermove', wake);
    wake();
  }

  // ------------------------------------------------------------------- start
  function init() {
    root.classList.add(mode === 'handout' ? 'deck-handout' : 'deck-js');
    sizeImages();
    fitAll(); // the handout too keeps each slide in its 16:9 box, on screen and on paper
    window.addEventListener('load', () => { // images and web fonts change the measurements
      fitAll();
      if (mode === 'presenter') updatePresenter(current); // its preview is a copy made before
    });
    if (mode === 'handout') {
      // On the handout page the "print handout" link prints.
      document.querySelector('.deck-handout')?.addEventListener('click', (e) => { e.preventDefault(); window.print(); });
      return;
    }
    buildChrome();
    if (mode === 'presenter') buildPresenter();
    show(slideFromUrl()); // no broadcast: opening the deck in another tab must not move a running talk
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('hashchange', onHistory);
    window.addEventListener('popstate', onHistory);
    setupTouch();
    setupSync();
    if (mode === 'audience') setupIdle();
  }

  init();
})();
