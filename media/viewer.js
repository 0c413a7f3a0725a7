// The Segmented Corpus Viewer's page: draws only the lines on screen of a file the extension reads, and asks it for more as you scroll.
// Plain script, no bundle: it runs under the webview's Content-Security-Policy (this file only, by nonce) and never reaches the network.
/* global acquireVsCodeApi, document, window, ResizeObserver */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  // The span classes, in the order of CLASS in src/features/viewer.ts.
  const CLASSES = ['tok-compound', 'tok-joiner', 'tok-pair', 'tok-separator', 'tok-number-placeholder', 'tok-date-placeholder', 'tok-unknown-placeholder', 'tok-punctuation', 'tok-number'];
  // Browsers cap how tall an element can be: past this, scrolling maps to lines in proportion.
  const MAX_SCROLL_PX = 8000000;
  // Lines kept around the screen, and asked for beyond it, so that small scrolls need no round trip.
  const MARGIN = 30;

  const saved = vscode.getState() || {};
  const state = { top: saved.top || 0, cursor: saved.cursor || 0, query: saved.query || '', findOpen: !!saved.findOpen, scrollLeft: saved.scrollLeft || 0 };
  let strings = {};
  let lineCount = 0;
  let indexDone = false;
  let indexFraction = 0;
  let rowHeight = 20;
  let viewHeight = 0;
  const cache = new Map();
  let requestSeq = 0;
  let waiting = undefined;
  let findSeq = 0;
  let searching = false;
  let currentMatch = undefined;
  let ignoreScrollTop = -1;
  let cursorTimer = undefined;
  // Set when a match is shown: once its line is drawn, it is scrolled into view sideways.
  let matchToShow = false;

  const root = document.getElementById('viewer');
  const el = (tag, props, children) => {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children || []) node.append(child);
    return node;
  };
  const status = el('span', { id: 'status' });
  status.setAttribute('role', 'status');
  const query = el('input', { id: 'query', type: 'text', spellcheck: false });
  const previous = el('button', { id: 'previous', textContent: '↑' });
  const next = el('button', { id: 'next', textContent: '↓' });
  const cancel = el('button', { id: 'cancel', textContent: '■', hidden: true });
  const close = el('button', { id: 'close', textContent: '×' });
  const findStatus = el('span', { id: 'find-status' });
  findStatus.setAttribute('role', 'status');
  const findBar = el('div', { id: 'find', hidden: true }, [query, findStatus, cancel, previous, next, close]);
  const bar = el('div', { id: 'bar' }, [status, findBar]);
  const rows = el('div', { id: 'rows' });
  const spacer = el('div', { id: 'spacer' });
  const scroller = el('div', { id: 'scroller', tabIndex: 0 }, [rows, spacer]);
  scroller.setAttribute('role', 'listbox');
  const cleanedLabel = el('span', { className: 'label' });
  const cleanedText = el('span', { id: 'cleaned-text' });
  const cleaned = el('div', { id: 'cleaned' }, [cleanedLabel, cleanedText]);
  cleaned.setAttribute('aria-live', 'polite');
  root.append(bar, scroller, cleaned);

  const format = (text, ...args) => String(text || '').replace(/\{(\d+)\}/g, (m, i) => (args[i] !== undefined ? String(args[i]) : m));
  const count = (n) => n.toLocaleString('en-US');
  const save = () => vscode.setState(state);
  const visibleRows = () => Math.max(1, Math.floor(viewHeight / rowHeight));
  const lastTop = () => Math.max(0, lineCount - visibleRows());

  function measure() {
    const probe = el('div', { className: 'row' }, [el('span', { className: 'ln', textContent: '1' }), el('span', { className: 'text', textContent: 'Đ' })]);
    rows.append(probe);
    rowHeight = probe.getBoundingClientRect().height || 20;
    probe.remove();
    viewHeight = scroller.clientHeight;
  }

  /** The scroll range in pixels and how many lines it stands for. */
  function layout() {
    const virtual = Math.min(lineCount * rowHeight, MAX_SCROLL_PX);
    rows.style.height = `${viewHeight}px`;
    spacer.style.height = `${Math.max(0, virtual - viewHeight)}px`;
    setScrollFor(state.top);
  }

  function setScrollFor(top) {
    const range = scroller.scrollHeight - scroller.clientHeight;
    const target = lastTop() > 0 && range > 0 ? Math.round((top / lastTop()) * range) : 0;
    if (scroller.scrollTop !== target) {
      ignoreScrollTop = target;
      scroller.scrollTop = target;
    }
  }

  function topFromScroll() {
    const range = scroller.scrollHeight - scroller.clientHeight;
    if (range <= 0) return 0;
    return Math.min(lastTop(), (scroller.scrollTop / range) * lastTop());
  }

  function updateStatus() {
    status.textContent = indexDone ? format(strings.lines, count(lineCount)) : format(strings.indexing, Math.floor(indexFraction * 100), count(lineCount));
  }

  /** Asks for the lines around the screen that are not at hand. */
  function request() {
    const first = Math.floor(state.top);
    const last = Math.min(lineCount, first + visibleRows() + 1);
    let missing = false;
    for (let l = first; l < last; l++) if (!cache.has(l)) missing = true;
    if (!missing && lineCount > 0) return;
    const from = Math.max(0, first - MARGIN);
    const seq = ++requestSeq;
    waiting = seq;
    vscode.postMessage({ type: 'lines', from, count: last - from + MARGIN, seq, query: state.findOpen ? state.query : '' });
  }

  function lineNode(number, line) {
    const row = el('div', { className: 'row', id: `line-${number}` });
    row.setAttribute('role', 'option');
    row.setAttribute('aria-selected', number === state.cursor ? 'true' : 'false');
    if (number === state.cursor) row.classList.add('cursor');
    row.append(el('span', { className: 'ln', textContent: String(number + 1) }));
    const text = el('span', { className: 'text' });
    if (!line) {
      text.append(el('span', { className: 'pending', textContent: strings.loading || '…' }));
    } else {
      appendTokens(text, line, number);
      if (line.cut) text.append(el('span', { className: 'cut', textContent: ` ${strings.cut}` }));
    }
    row.append(text);
    row.addEventListener('mousedown', () => moveCursor(number, false));
    return row;
  }

  /** The line's text in token spans, matches of the find marked over them. */
  function appendTokens(parent, line, number) {
    const t = line.text;
    // Cut points: every span and match edge; each piece gets its token class and match marks.
    const edges = new Set([0, t.length]);
    for (let i = 0; i < line.spans.length; i += 3) edges.add(line.spans[i]).add(line.spans[i + 1]);
    for (const m of line.matches) edges.add(m);
    const points = [...edges].filter((p) => p >= 0 && p <= t.length).sort((a, b) => a - b);
    let s = 0;
    let m = 0;
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      while (s < line.spans.length && line.spans[s + 1] <= a) s += 3;
      while (m < line.matches.length && line.matches[m + 1] <= a) m += 2;
      const classes = [];
      if (s < line.spans.length && line.spans[s] <= a) classes.push(CLASSES[line.spans[s + 2]]);
      if (m < line.matches.length && line.matches[m] <= a) {
        classes.push('match');
        if (currentMatch && currentMatch.line === number && currentMatch.start <= a && b <= currentMatch.end) classes.push('current');
      }
      const piece = t.slice(a, b);
      if (classes.length === 0) parent.append(piece);
      else parent.append(el('span', { className: classes.join(' '), textContent: piece }));
    }
  }

  function render() {
    const first = Math.floor(state.top);
    const shown = Math.min(lineCount - first, visibleRows() + 1);
    const frag = document.createDocumentFragment();
    for (let i = 0; i < shown; i++) frag.append(lineNode(first + i, cache.get(first + i)));
    rows.replaceChildren(frag);
    rows.style.transform = `translateY(${-Math.round((state.top - first) * rowHeight)}px)`;
    const active = document.getElementById(`line-${state.cursor}`);
    if (active) scroller.setAttribute('aria-activedescendant', active.id);
    else scroller.removeAttribute('aria-activedescendant');
    showMatchSideways();
    request();
  }

  function scrollToTop(top) {
    state.top = Math.max(0, Math.min(lastTop(), top));
    setScrollFor(state.top);
    save();
    render();
  }

  /** Moves the cursor line, scrolling as little as needed (or centring it), and asks for its cleaned text. */
  function moveCursor(line, centre) {
    state.cursor = Math.max(0, Math.min(Math.max(0, lineCount - 1), line));
    const rowsOnScreen = visibleRows();
    if (centre) scrollToTop(state.cursor - Math.floor(rowsOnScreen / 3));
    else if (state.cursor < state.top) scrollToTop(state.cursor);
    else if (state.cursor > state.top + rowsOnScreen - 1) scrollToTop(state.cursor - rowsOnScreen + 1);
    else {
      save();
      render();
    }
    clearTimeout(cursorTimer);
    cursorTimer = setTimeout(() => vscode.postMessage({ type: 'cursor', line: state.cursor }), 60);
  }

  scroller.addEventListener('scroll', () => {
    state.scrollLeft = scroller.scrollLeft;
    if (scroller.scrollTop === ignoreScrollTop) {
      ignoreScrollTop = -1;
      return;
    }
    state.top = topFromScroll();
    save();
    render();
  });

  function openFind() {
    state.findOpen = true;
    findBar.hidden = false;
    query.value = state.query;
    query.focus();
    query.select();
    save();
  }

  function closeFind() {
    if (searching) vscode.postMessage({ type: 'cancelFind' });
    state.findOpen = false;
    findBar.hidden = true;
    currentMatch = undefined;
    findStatus.textContent = '';
    cache.clear();
    save();
    render();
    scroller.focus();
  }

  /** Next (or previous) match: another in the same line if there is one, otherwise the extension searches the file. */
  function find(backward) {
    const text = query.value;
    if (text !== state.query) {
      state.query = text;
      currentMatch = undefined;
      cache.clear();
      save();
    }
    if (!text.trim()) return;
    const here = currentMatch && cache.get(currentMatch.line);
    if (here) {
      const ms = here.matches;
      for (let i = backward ? ms.length - 2 : 0; i >= 0 && i < ms.length; i += backward ? -2 : 2) {
        if (backward ? ms[i] < currentMatch.start : ms[i] > currentMatch.start) return showMatch({ line: currentMatch.line, start: ms[i], end: ms[i + 1] });
      }
    }
    const from = currentMatch ? currentMatch.line : backward ? state.cursor + 1 : state.cursor - 1;
    searching = true;
    cancel.hidden = false;
    findStatus.textContent = format(strings.searching, 0);
    vscode.postMessage({ type: 'find', query: text, fromLine: from, backward, seq: ++findSeq });
  }

  function showMatch(match) {
    currentMatch = match;
    findStatus.textContent = format(strings.matchAt, count(match.line + 1));
    moveCursor(match.line, !(match.line >= state.top && match.line < state.top + visibleRows()));
    matchToShow = true;
    showMatchSideways();
  }

  function showMatchSideways() {
    const mark = matchToShow && rows.querySelector('.match.current');
    if (!mark) return;
    matchToShow = false;
    const box = mark.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    if (box.left < view.left + 80 || box.right > view.right) scroller.scrollLeft += box.left - view.left - view.width / 3;
  }

  query.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') find(e.shiftKey);
    else if (e.key === 'Escape') closeFind();
    else if (e.key === 'F3') find(e.shiftKey);
    else return;
    e.preventDefault();
    e.stopPropagation();
  });
  previous.addEventListener('click', () => find(true));
  next.addEventListener('click', () => find(false));
  close.addEventListener('click', closeFind);
  cancel.addEventListener('click', () => vscode.postMessage({ type: 'cancelFind' }));

  document.addEventListener('keydown', (e) => {
    const ctrl = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (ctrl && key === 'f') openFind();
    else if (ctrl && key === 'g') vscode.postMessage({ type: 'askLine' });
    else if (e.key === 'F3' && state.query) find(e.shiftKey);
    else if (e.target === query) return;
    else if (e.key === 'ArrowDown') moveCursor(state.cursor + 1, false);
    else if (e.key === 'ArrowUp') moveCursor(state.cursor - 1, false);
    else if (e.key === 'PageDown') moveCursor(state.cursor + visibleRows() - 1, false);
    else if (e.key === 'PageUp') moveCursor(state.cursor - visibleRows() + 1, false);
    else if (ctrl && e.key === 'Home') moveCursor(0, false);
    else if (ctrl && e.key === 'End') moveCursor(lineCount - 1, false);
    else if (e.key === 'Home') scroller.scrollLeft = 0;
    else if (e.key === 'End') scroller.scrollLeft = scroller.scrollWidth;
    else if (e.key === 'ArrowRight') scroller.scrollLeft += 40;
    else if (e.key === 'ArrowLeft') scroller.scrollLeft -= 40;
    else if (e.key === 'Escape' && state.findOpen) closeFind();
    else return;
    // Handled here: the workbench must not act on it too (its own Go to Line and Find do not reach a webview).
    e.preventDefault();
    e.stopPropagation();
  });

  window.addEventListener('message', (event) => {
    const m = event.data;
    switch (m.type) {
      case 'init': {
        strings = m.strings;
        query.placeholder = strings.find;
        query.setAttribute('aria-label', strings.find);
        previous.title = strings.previous;
        next.title = strings.next;
        close.title = strings.close;
        cancel.title = strings.cancel;
        for (const b of [previous, next, close, cancel]) b.setAttribute('aria-label', b.title);
        scroller.setAttribute('aria-label', strings.viewerLabel);
        document.title = m.fileName;
        lineCount = m.lineCount;
        indexDone = m.done;
        indexFraction = m.fraction;
        measure();
        updateStatus();
        layout();
        if (state.findOpen) {
          findBar.hidden = false;
          query.value = state.query;
        }
        if (m.revealLine !== undefined && m.revealLine !== null) moveCursor(m.revealLine, true);
        else {
          scrollToTop(state.top);
          moveCursor(state.cursor, false);
        }
        scroller.scrollLeft = state.scrollLeft;
        if (!state.findOpen) scroller.focus();
        return;
      }
      case 'index': {
        const grew = m.lineCount !== lineCount;
        lineCount = m.lineCount;
        indexDone = m.done;
        indexFraction = m.fraction;
        updateStatus();
        if (grew) layout();
        // Lines the index had not reached yet may be there now.
        render();
        return;
      }
      case 'lines': {
        if (m.seq < (waiting || 0) - 4) return;
        m.lines.forEach((line, i) => cache.set(m.from + i, line));
        if (m.done && m.lineCount !== lineCount) {
          lineCount = m.lineCount;
          indexDone = true;
          updateStatus();
          layout();
        }
        // Keep only what is near the screen: memory stays flat however far one scrolls.
        const first = Math.floor(state.top);
        for (const key of cache.keys()) if (key < first - 4 * MARGIN || key > first + visibleRows() + 4 * MARGIN) cache.delete(key);
        const before = waiting;
        render();
        if (before === m.seq) waiting = undefined;
        return;
      }
      case 'reveal':
        moveCursor(m.line, true);
        scroller.focus();
        return;
      case 'cleaned':
        if (m.line !== state.cursor) return;
        cleanedLabel.textContent = `${format(strings.cleaned, count(m.line + 1))}: `;
        cleanedText.textContent = m.text;
        return;
      case 'findProgress':
        if (m.seq === findSeq) findStatus.textContent = format(strings.searching, Math.floor(m.fraction * 100));
        return;
      case 'found':
        if (m.seq !== findSeq) return;
        searching = false;
        cancel.hidden = true;
        if (m.cancelled) findStatus.textContent = '';
        else if (!m.match) findStatus.textContent = strings.noMatch;
        else {
          cache.clear();
          showMatch(m.match);
        }
        return;
    }
  });

  new ResizeObserver(() => {
    if (!strings.lines) return;
    viewHeight = scroller.clientHeight;
    layout();
    render();
  }).observe(scroller);

  vscode.postMessage({ type: 'ready' });
})();
