// Rasad pages: the interactive timeline strip (vis-timeline, right to left)
// built from the entries the page already lists, and small conveniences.
// No inline scripts anywhere: the CSP allows script-src 'self' only.
(function () {
  'use strict';

  function buildStrip() {
    var container = document.getElementById('strip');
    var list = document.getElementById('entries');
    if (!container || !list) return;
    if (typeof vis === 'undefined' || !vis.Timeline) {
      container.hidden = true;
      return;
    }
    var entries = list.querySelectorAll('li.entry[data-start]');
    var items = [];
    entries.forEach(function (li) {
      var start = li.getAttribute('data-start');
      if (!start) return;
      // text only: scraped words never become HTML
      var el = document.createElement('span');
      el.textContent = li.getAttribute('data-label') || '';
      items.push({
        id: li.id,
        start: start,
        content: el,
        className: 'st-' + (li.getAttribute('data-status') || 'happened')
      });
    });
    if (items.length === 0) {
      container.hidden = true;
      return;
    }
    // the whole span with room on both sides, so no label is cut at an edge
    var times = items.map(function (it) { return Date.parse(it.start); });
    var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
    var pad = Math.max((hi - lo) * 0.45, 1000 * 60 * 60 * 24 * 4);
    var timeline = new vis.Timeline(container, new vis.DataSet(items), {
      start: new Date(lo - pad),
      end: new Date(hi + pad),
      rtl: true,
      zoomable: true,
      moveable: true,
      stack: true,
      maxHeight: 320,
      zoomMin: 1000 * 60 * 60 * 24 * 2,
      margin: { item: 6, axis: 4 },
      showCurrentTime: false,
      dataAttributes: ['id'],
      tooltip: { followMouse: false }
    });
    container.setAttribute('data-ready', String(items.length));
    timeline.on('select', function (props) {
      if (!props.items || props.items.length === 0) return;
      show(props.items[0]);
    });
    // a press and release on an item without dragging selects it too (vis
    // recognises a tap only when they come quickly, and a redraw between
    // them can leave the click to the strip itself)
    var down = null;
    container.addEventListener('pointerdown', function (ev) { down = { x: ev.clientX, y: ev.clientY }; });
    container.addEventListener('pointerup', function (ev) {
      if (!down || Math.abs(ev.clientX - down.x) > 5 || Math.abs(ev.clientY - down.y) > 5) return;
      var el = document.elementFromPoint(ev.clientX, ev.clientY);
      el = el && el.closest('#strip .vis-item[data-id]');
      if (el) show(el.getAttribute('data-id'));
    });
    list.addEventListener('click', function (ev) {
      var li = ev.target.closest('li.entry');
      if (li && li.getAttribute('data-start')) {
        timeline.setSelection([li.id], { focus: true });
      }
    });
  }

  function show(id) {
    var li = document.getElementById(id);
    if (!li) return;
    document.querySelectorAll('li.entry.active').forEach(function (x) { x.classList.remove('active'); });
    li.classList.add('active');
    li.scrollIntoView({ behavior: 'smooth', block: 'center' });
    li.focus({ preventScroll: true });
    if (history.replaceState) history.replaceState(null, '', '#' + id);
  }

  function init() {
    buildStrip();
    if (location.hash.length > 1) {
      var li = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (li && li.classList.contains('entry')) li.classList.add('active');
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
