// odoo-elt docs: draws every page from the manifest embedded in index.html.
// Plain DOM, no framework, no network. Every string from the project or Odoo
// reaches the page through textContent or setAttribute, never as markup.
(function () {
  'use strict';
  const M = JSON.parse(document.getElementById('manifest').textContent);
  const SVG = 'http://www.w3.org/2000/svg';
  const KINDS = [
    ['fact', 'Facts'], ['dimension', 'Dimensions'], ['snapshot', 'Snapshots'], ['model', 'Your models'],
    ['seed', 'Seeds'], ['staging', 'Staging views'], ['stream', 'Odoo streams'],
  ];
  const LEGEND = [['stream', 'Odoo stream (raw)'], ['staging', 'staging view'], ['seed', 'seed'], ['dimension', 'dimension'], ['snapshot', 'snapshot'], ['fact', 'fact'], ['model', 'your model']];
  const byId = new Map(M.nodes.map((n) => [n.id, n]));
  const inputs = new Map(), outputs = new Map();
  for (const e of M.edges) {
    (inputs.get(e.to) || inputs.set(e.to, []).get(e.to)).push(e.from);
    (outputs.get(e.from) || outputs.set(e.from, []).get(e.from)).push(e.to);
  }

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
    return el;
  }
  function s(tag, attrs) {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    return el;
  }
  const route = (id) => '#/' + id.split('/').map(encodeURIComponent).join('/');
  const open = (id) => { location.hash = route(id); };

  // ---- graph drawing ----
  function drawNode(n, x, y, w, ht, extra) {
    const g = s('g', { class: 'node k-' + n.kind + (extra || ''), 'data-id': n.id, transform: `translate(${x - w / 2},${y - ht / 2})` });
    const title = s('title');
    title.textContent = n.name + (n.description ? ' — ' + n.description : '');
    g.append(title, s('rect', { width: w, height: ht, rx: n.kind === 'stream' ? ht / 2 : n.kind === 'seed' ? 1 : 4 }));
    const t = s('text', { x: w / 2, y: ht / 2 });
    t.textContent = n.name;
    g.append(t);
    return g;
  }
  function curve(points) {
    if (points.length < 2) return '';
    let d = `M${points[0].x},${points[0].y}`;
    for (let i = 1; i < points.length - 1; i++) {
      const p = points[i], q = points[i + 1];
      d += ` Q${p.x},${p.y} ${(p.x + q.x) / 2},${(p.y + q.y) / 2}`;
    }
    const last = points[points.length - 1];
    return d + ` L${last.x},${last.y}`;
  }
  function arrowDefs(svg) {
    const defs = s('defs');
    const marker = s('marker', { id: 'arrow', viewBox: '0 0 8 8', refX: 7.5, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto' });
    marker.append(s('path', { d: 'M0,0 L8,4 L0,8 z', class: 'arrow' }));
    defs.append(marker);
    svg.append(defs);
  }
  // Hovering a node lights it, its edges and their other ends.
  function hoverLinks(svg) {
    svg.addEventListener('mouseover', (ev) => {
      const g = ev.target.closest && ev.target.closest('.node');
      if (!g) return;
      const id = g.dataset.id;
      svg.classList.add('hovering');
      g.classList.add('hot');
      for (const p of svg.querySelectorAll('.edge')) {
        if (p.dataset.from !== id && p.dataset.to !== id) continue;
        p.classList.add('hot');
        for (const end of [p.dataset.from, p.dataset.to]) svg.querySelector(`.node[data-id="${CSS.escape(end)}"]`)?.classList.add('hot');
      }
    });
    svg.addEventListener('mouseout', (ev) => {
      if (!ev.target.closest || !ev.target.closest('.node')) return;
      svg.classList.remove('hovering');
      for (const el of svg.querySelectorAll('.hot')) el.classList.remove('hot');
    });
  }

  let overview = null; // { svg, fit } while the overview page is shown

  function overviewGraph() {
    const L = M.layout;
    const svg = s('svg', { id: 'lineage', role: 'img', 'aria-label': 'lineage graph' });
    arrowDefs(svg);
    const edges = s('g'), nodes = s('g');
    for (const e of L.edges) edges.append(s('path', { class: 'edge', d: curve(e.points), 'marker-end': 'url(#arrow)', 'data-from': e.from, 'data-to': e.to }));
    for (const p of L.nodes) nodes.append(drawNode(byId.get(p.id), p.x, p.y, p.width, p.height));
    svg.append(edges, nodes);
    hoverLinks(svg);
    // Fit leaves a strip below the graph for the legend, so it never covers a node.
    const pad = 10;
    const home = { x: -pad, y: -pad, w: L.width + 2 * pad, h: L.height + 2 * pad + 36 };
    let vb = { ...home };
    const apply = () => svg.setAttribute('viewBox', `${vb.x} ${vb.y} ${vb.w} ${vb.h}`);
    const fit = () => { vb = { ...home }; apply(); };
    const toGraph = (cx, cy) => {
      const pt = svg.createSVGPoint();
      pt.x = cx; pt.y = cy;
      return pt.matrixTransform(svg.getScreenCTM().inverse());
    };
    const zoom = (factor, cx, cy) => {
      const r = svg.getBoundingClientRect();
      const p = toGraph(cx ?? r.left + r.width / 2, cy ?? r.top + r.height / 2);
      const w = Math.min(home.w * 4, Math.max(home.w / 12, vb.w * factor));
      const f = w / vb.w;
      vb = { x: p.x - (p.x - vb.x) * f, y: p.y - (p.y - vb.y) * f, w: vb.w * f, h: vb.h * f };
      apply();
    };
    svg.addEventListener('wheel', (ev) => { ev.preventDefault(); zoom(Math.exp(ev.deltaY * 0.0015), ev.clientX, ev.clientY); }, { passive: false });
    let drag = null;
    svg.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0) return;
      drag = { x: ev.clientX, y: ev.clientY, vb: { ...vb }, moved: false, scale: 1 / svg.getScreenCTM().a };
    });
    window.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      drag.moved = true;
      svg.classList.add('dragging');
      vb = { ...drag.vb, x: drag.vb.x - dx * drag.scale, y: drag.vb.y - dy * drag.scale };
      apply();
    });
    window.addEventListener('pointerup', () => {
      if (drag && drag.moved) svg.dataset.justDragged = '1';
      drag = null;
      svg.classList.remove('dragging');
    });
    svg.addEventListener('click', (ev) => {
      if (svg.dataset.justDragged) { delete svg.dataset.justDragged; return; }
      const g = ev.target.closest('.node');
      if (g) open(g.dataset.id);
    });
    fit();
    const tools = h('div', { class: 'tools' },
      h('button', { type: 'button', title: 'Zoom in', 'aria-label': 'zoom in', onclick: () => zoom(1 / 1.3) }, '+'),
      h('button', { type: 'button', title: 'Zoom out', 'aria-label': 'zoom out', onclick: () => zoom(1.3) }, '−'),
      h('button', { type: 'button', class: 'fit', title: 'Fit the whole graph', onclick: fit }, 'Fit'));
    const legend = h('div', { class: 'legend' }, LEGEND.map(([k, label]) => h('span', {}, h('i', { class: 'swatch k-' + k }), label)));
    overview = { svg, fit };
    return h('div', { class: 'graph' }, svg, tools, legend);
  }

  // A page's own lineage: its inputs, itself, its outputs, in three columns.
  function neighbourhood(node) {
    const ins = (inputs.get(node.id) || []).map((id) => byId.get(id)).filter(Boolean);
    const outs = (outputs.get(node.id) || []).map((id) => byId.get(id)).filter(Boolean);
    const width = (n) => Math.ceil(n.name.length * 7) + 18;
    const colW = (list) => Math.max(60, ...list.map(width));
    const rowH = 28, ht = 20, gap = 90;
    const rows = Math.max(1, ins.length, outs.length);
    const H = rows * rowH + 16;
    const w0 = ins.length ? colW(ins) : 0, w1 = width(node), w2 = outs.length ? colW(outs) : 0;
    const x0 = 8 + w0 / 2, x1 = (ins.length ? 8 + w0 + gap : 8) + w1 / 2, x2 = x1 + w1 / 2 + gap + w2 / 2;
    const W = (outs.length ? x2 + w2 / 2 : x1 + w1 / 2) + 8;
    const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': 'lineage of ' + node.name });
    arrowDefs(svg);
    const yAt = (i, n) => 8 + (rows - n) * rowH / 2 + i * rowH + rowH / 2;
    const cy = H / 2;
    const link = (ax, ay, bx, by, from, to) => {
      const mx = (ax + bx) / 2;
      svg.append(s('path', { class: 'edge', d: `M${ax},${ay} C${mx},${ay} ${mx},${by} ${bx - 2},${by}`, 'marker-end': 'url(#arrow)', 'data-from': from, 'data-to': to }));
    };
    ins.forEach((n, i) => link(x0 + width(n) / 2, yAt(i, ins.length), x1 - w1 / 2, cy, n.id, node.id));
    outs.forEach((n, i) => link(x1 + w1 / 2, cy, x2 - width(n) / 2, yAt(i, outs.length), node.id, n.id));
    ins.forEach((n, i) => svg.append(drawNode(n, x0, yAt(i, ins.length), width(n), ht)));
    svg.append(drawNode(node, x1, cy, w1, ht, ' self'));
    outs.forEach((n, i) => svg.append(drawNode(n, x2, yAt(i, outs.length), width(n), ht)));
    svg.addEventListener('click', (ev) => { const g = ev.target.closest('.node'); if (g && g.dataset.id !== node.id) open(g.dataset.id); });
    hoverLinks(svg);
    return h('div', { class: 'neighbourhood' }, svg);
  }

  // ---- pages ----
  function when(iso) {
    if (!iso) return '–';
    const d = new Date(iso);
    if (isNaN(d)) return iso;
    return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }
  function ago(iso) {
    const d = new Date(iso);
    if (!iso || isNaN(d)) return null;
    const sec = Math.round((Date.now() - d.getTime()) / 1000);
    if (sec < 90) return sec + ' s ago';
    if (sec < 5400) return Math.round(sec / 60) + ' min ago';
    if (sec < 172800) return Math.round(sec / 3600) + ' h ago';
    return Math.round(sec / 86400) + ' days ago';
  }
  const num = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US'));
  const fact = (label, value, hint, wide) => h('div', { class: wide ? 'fact wide' : 'fact' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value), hint ? h('div', { class: 'hint' }, hint) : null);
  const badge = (status, text) => h('span', { class: 'badge ' + status }, text || status);
  const kindLabel = (k) => LEGEND.find(([key]) => key === k)[1];

  function facts(n) {
    const list = [];
    if (n.materialized) list.push(fact('Materialized', n.materialized));
    if (n.uniqueKey.length) list.push(fact('Unique key', h('span', { class: 'mono' }, n.uniqueKey.join(', '))));
    if (n.relation && n.kind === 'stream') list.push(fact('Raw table', h('span', { class: 'mono' }, n.relation)));
    if (n.tags.length) list.push(fact('Tags', n.tags.join(', ')));
    if (n.path) list.push(fact('File', h('span', { class: 'mono' }, n.path), null, true));
    if (M.warehouse.read) {
      if (n.built === false) list.push(fact('Warehouse', 'not built yet', 'run elt run'));
      else if (n.rows !== null) list.push(fact(n.kind === 'stream' ? 'Raw rows' : 'Rows', num(n.rows), n.stream && n.stream.deletedRows ? num(n.stream.deletedRows) + ' marked deleted' : null));
    }
    const r = n.run;
    if (r) {
      list.push(fact('Last run', badge(r.status), [when(r.lastRunAt), r.seconds !== null ? r.seconds + ' s' : null].filter(Boolean).join(' · ')));
      list.push(fact('Last success', when(r.lastSuccessAt), ago(r.lastSuccessAt)));
      if (r.rowsWritten !== null) list.push(fact('Rows written', num(r.rowsWritten), 'by the last run'));
    }
    const st = n.stream;
    if (st) {
      list.push(fact('Last success', when(st.lastSuccessAt), ago(st.lastSuccessAt)));
      list.push(fact('Cursor (write_date)', st.cursor || '–', 'Odoo time, UTC'));
      if (st.lastRun) list.push(fact('Last elt run', badge(st.lastRun.status), `${num(st.lastRun.fetched)} fetched · ${num(st.lastRun.changed)} changed · ${st.lastRun.seconds} s`));
    }
    return list;
  }

  function columnsSection(n) {
    if (!M.warehouse.read) return h('p', { class: 'note' }, 'Columns are read from the warehouse, which this build did not read (' + M.warehouse.note + ').');
    if (!n.columns) return h('p', { class: 'note' }, 'Not built yet: run elt run.');
    const testsOf = new Map();
    for (const t of n.tests) if (t.column) (testsOf.get(t.column) || testsOf.set(t.column, []).get(t.column)).push(t);
    const tested = testsOf.size > 0; // a Tests column only where a column has one
    return h('table', { class: 'columns' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Column'), h('th', {}, 'Type'), h('th', {}, 'Description'), tested ? h('th', {}, 'Tests') : null)),
      h('tbody', {}, n.columns.map((c) => h('tr', { 'data-column': c.name },
        h('td', { class: 'mono' }, c.name), h('td', { class: 'mono type' }, c.type), h('td', {}, c.description || ''),
        tested ? h('td', {}, (testsOf.get(c.name) || []).map((t) => h('span', { class: 'badge test', title: t.name }, t.kind))) : null))));
  }

  function testsSection(n) {
    if (!n.tests.length) return h('p', { class: 'note' }, 'No tests: declare them in the model\'s tests: header, or write one under sql/tests/.');
    return h('table', { class: 'tests' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Test'), h('th', {}, 'Last result'), h('th', {}, 'Failing rows'))),
      h('tbody', {}, n.tests.map((t) => h('tr', { 'data-test': t.name },
        h('td', { class: 'mono' }, t.name),
        h('td', {}, t.status ? badge(t.status) : badge('none', 'not run'), t.status === 'error' && t.message ? h('div', { class: 'error-text' }, t.message) : null),
        h('td', {}, t.failures === null ? '–' : num(t.failures))))));
  }

  // Each command rewrites run_results.json: say which one the results come from, or how to get some.
  function testsNote(n) {
    if (!n.tests.length) return null;
    if (!M.runResults) return 'no results yet: run elt test';
    const from = 'the last command, elt ' + M.runResults.command + ', ' + when(M.runResults.generatedAt);
    return n.tests.some((t) => t.status) ? 'results of ' + from : 'not run by ' + from + ': run elt test';
  }

  function nodePage(n) {
    const page = h('div', { class: 'page' },
      h('div', { class: 'kind' }, h('i', { class: 'swatch k-' + n.kind }), kindLabel(n.kind)),
      h('h1', {}, n.name),
      n.description ? h('p', { class: 'description' }, n.description) : h('p', { class: 'description none' }, 'No description: add a "-- description: ..." line to the model\'s header.'),
      h('div', { class: 'facts' }, facts(n)));
    if (n.run && n.run.error) page.append(h('p', { class: 'error-text' }, n.run.error));
    if (n.stream && n.stream.lastError) page.append(h('p', { class: 'error-text' }, n.stream.lastError));
    page.append(h('h2', {}, 'Lineage', h('span', { class: 'sub' }, 'what it reads, and what reads it')), neighbourhood(n));
    page.append(h('h2', {}, 'Columns', n.columns ? h('span', { class: 'sub' }, n.columns.length + ' in ' + (n.relation || '')) : null), columnsSection(n));
    if (n.id.startsWith('model/')) {
      page.append(h('h2', {}, 'Tests', h('span', { class: 'sub' }, testsNote(n))), testsSection(n));
      page.append(h('h2', {}, 'Compiled SQL', n.sqlNote ? h('span', { class: 'sub' }, n.sqlNote) : null), h('pre', { class: 'sql' }, n.sql || '(does not compile)'));
      if (n.source) page.append(h('details', {}, h('summary', {}, 'As written in ' + n.path), h('pre', { class: 'sql' }, n.source)));
    }
    return page;
  }

  function overviewPage() {
    const count = (k) => M.nodes.filter((n) => n.kind === k).length;
    const models = M.nodes.filter((n) => n.id.startsWith('model/')).length;
    const summary = `${models} models · ${count('stream')} Odoo streams · ${count('staging')} staging views · ${count('seed')} seeds · ${M.edges.length} edges`;
    return h('div', { class: 'overview-page' },
      h('div', { class: 'head' }, h('h1', {}, 'Lineage'), h('span', { class: 'summary' }, summary),
        h('span', { class: 'summary' }, 'Drag to pan, wheel or +/− to zoom, click a node to open it.')),
      overviewGraph());
  }

  // ---- chrome: sidebar, search, routing ----
  const main = document.getElementById('main');
  const sidebar = document.getElementById('sidebar');
  const search = document.getElementById('search');
  const results = document.getElementById('results');

  function buildSidebar() {
    sidebar.append(h('a', { class: 'overview', href: '#/' }, 'Lineage overview'));
    for (const [kind, title] of KINDS) {
      const list = M.nodes.filter((n) => n.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
      if (!list.length) continue;
      sidebar.append(h('h3', {}, h('i', { class: 'swatch k-' + kind }), title, h('span', { class: 'count' }, list.length)));
      for (const n of list) sidebar.append(h('a', { href: route(n.id), 'data-id': n.id, title: n.description || n.name }, n.name));
    }
  }

  function matches(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    const score = (n) => (n.name === q ? 0 : n.name.startsWith(q) ? 1 : n.name.includes(q) ? 2 : n.description.toLowerCase().includes(q) ? 3 : 9);
    return M.nodes.map((n) => [score(n), n]).filter(([sc]) => sc < 9).sort((a, b) => a[0] - b[0] || a[1].name.length - b[1].name.length || a[1].name.localeCompare(b[1].name)).map(([, n]) => n);
  }
  let found = [], active = 0;
  function showResults() {
    found = matches(search.value);
    active = 0;
    results.replaceChildren();
    if (overview) {
      const ids = new Set(found.filter((n) => search.value.trim() && n.name.includes(search.value.trim().toLowerCase())).map((n) => n.id));
      overview.svg.classList.toggle('searching', search.value.trim() !== '');
      for (const g of overview.svg.querySelectorAll('.node')) g.classList.toggle('match', ids.has(g.dataset.id));
    }
    if (!search.value.trim()) { results.hidden = true; return; }
    if (!found.length) results.append(h('li', { class: 'empty' }, 'No match'));
    found.slice(0, 14).forEach((n, i) => results.append(h('li', { class: i === 0 ? 'active' : '', 'data-id': n.id, onmousedown: (ev) => { ev.preventDefault(); go(n.id); } }, h('i', { class: 'swatch k-' + n.kind }), n.name)));
    results.hidden = false;
  }
  function go(id) {
    results.hidden = true;
    search.value = '';
    search.blur();
    open(id);
  }
  search.addEventListener('input', showResults);
  search.addEventListener('focus', () => { if (search.value.trim()) showResults(); });
  search.addEventListener('blur', () => { results.hidden = true; });
  search.addEventListener('keydown', (ev) => {
    const items = results.querySelectorAll('li[data-id]');
    if (ev.key === 'Enter' && found.length) { ev.preventDefault(); go(found[Math.min(active, found.length - 1)].id); }
    else if (ev.key === 'Escape') { search.value = ''; showResults(); search.blur(); }
    else if ((ev.key === 'ArrowDown' || ev.key === 'ArrowUp') && items.length) {
      ev.preventDefault();
      items[active]?.classList.remove('active');
      active = (active + (ev.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[active].classList.add('active');
    }
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === '/' && document.activeElement !== search) { ev.preventDefault(); search.focus(); }
  });

  function render() {
    const id = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
    overview = null;
    const node = byId.get(id);
    main.replaceChildren(node ? nodePage(node) : id ? h('div', { class: 'page' }, h('h1', {}, 'Not found'), h('p', {}, 'Nothing is named ' + id + '. '), h('a', { href: '#/' }, 'Back to the overview')) : overviewPage());
    main.scrollTop = 0;
    document.title = (node ? node.name + ' · ' : '') + M.project + ' · odoo-elt docs';
    for (const a of sidebar.querySelectorAll('a')) a.classList.toggle('current', node ? a.dataset.id === id : a.classList.contains('overview'));
    sidebar.querySelector('a.current')?.scrollIntoView({ block: 'nearest' });
    if (search.value.trim() && overview) showResults();
  }

  document.getElementById('project').textContent = M.project;
  const meta = [M.warehouse.read ? 'warehouse read' : 'no warehouse: ' + M.warehouse.note, 'built ' + when(M.generatedAt), 'odoo-elt ' + M.version];
  document.getElementById('meta').textContent = meta.join(' · ');
  buildSidebar();
  window.addEventListener('hashchange', render);
  render();
})();
