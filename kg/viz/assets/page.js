/* kg's graph page: filters, search, the two views, the timeline and the details of a kg graph drawn
 * by vis-network.
 *
 * Every text from the articles is written with textContent, never parsed as HTML.
 * Only what is shown is handed to vis-network (a big graph opens on an overview of its most central
 * actors); nodes that come and go later are hidden, not removed.
 * window.kgReady turns true once the network is drawn, decluttered and zoomed for reading. */
(function () {
  "use strict";

  // milliseconds since navigation: script started, data parsed, network built, first frame drawn
  var timings = { start: performance.now() };
  var $ = function (id) { return document.getElementById(id); };
  var read = function (id) { return JSON.parse($(id).textContent); };

  var allNodes = read("kg-nodes");
  var allEdges = read("kg-edges");
  var options = read("kg-options");
  var T = read("kg-tables");

  var READABLE = 11.3; // the smallest label on screen at first view, in CSS pixels (11 or more)
  var GAP = 6; // room kept between the boxes of drawn nodes, in canvas pixels
  var LINK_ROOM = 40; // and around actors in "who did what to whom", for the labels of their links

  timings.parsed = performance.now();
  var byId = new Map();
  var edgeById = new Map();
  var linksOf = new Map(); // node id -> its edges of the events view
  var neighbours = new Map(); // node id -> ids of the nodes it shares any edge with
  allNodes.forEach(function (n) {
    n.isEvent = n.kind === "Event";
    n.typeColor = n.color;
    n.search = [n.name].concat(n.aliases || []).join("\n").toLowerCase();
    if (n.isEvent && n.date) {
      n.start = pad(n.date, "01");
      n.end = pad(n.date, "31");
    }
    byId.set(n.id, n);
    linksOf.set(n.id, []);
    neighbours.set(n.id, []);
  });
  allEdges.forEach(function (e) {
    edgeById.set(e.id, e);
    if (e.view !== "actors") {
      linksOf.get(e.from).push(e);
      linksOf.get(e.to).push(e);
    }
    neighbours.get(e.from).push(e.to);
    neighbours.get(e.to).push(e.from);
  });
  var unlinked = allNodes.filter(function (n) { return !n.linked; });

  function pad(date, day) {
    // "2016" -> "2016-01-01" / "2016-12-31"; "2016-09" -> "2016-09-01" / "2016-09-31": compared as text
    if (date.length === 4) return date + (day === "01" ? "-01-01" : "-12-31");
    if (date.length === 7) return date + "-" + day;
    return date.slice(0, 10);
  }

  // ---- state and filtering ------------------------------------------------------------------

  var allRoots = T.roots.map(function (r) { return r.code; });
  var state = {
    view: "events",
    kinds: new Set(Object.keys(T.kinds)),
    roots: new Set(allRoots),
    docs: new Set(T.docs.map(function (_, i) { return i; })),
    from: "",
    to: "",
    query: "",
    colour: "type",
    size: "activity",
    showUnlinked: unlinked.length <= 3, // a few are drawn; more are listed apart
    overview: !!T.overview,
    selected: null,
  };
  // the overview: the nodes drawn while it is on, and where (its own layout, then what was added)
  var included = new Set();
  var near = new Map();
  allNodes.forEach(function (n) {
    if (n.core) { included.add(n.id); near.set(n.id, { x: n.ox, y: n.oy }); }
  });
  var visibleNodes = new Set();
  var visibleEdges = new Set();
  var matches = new Set();

  function docPasses(n) {
    if (state.docs.size === T.docs.length || !n.docs || n.docs.length === 0) return true;
    return n.docs.some(function (d) { return state.docs.has(d); });
  }

  function datePasses(n) {
    if (!state.from && !state.to) return true;
    if (!n.date) return false;
    if (state.from && n.end < state.from) return false;
    if (state.to && n.start > state.to) return false;
    return true;
  }

  function eventPasses(n) {
    return state.roots.has(n.root || "") && datePasses(n) && docPasses(n);
  }

  // An actor-to-actor link bundles what one actor did to another: its kinds ("accused"), each with
  // the events the filters let through, most first; "accused ×3" on the page, wider the more.
  function bundle(e) {
    return e.kinds.map(function (k) {
      return { verb: k.verb, root: k.root, events: k.events.filter(function (id) { return eventPasses(byId.get(id)); }) };
    }).filter(function (k) { return k.events.length; })
      .sort(function (a, b) { return b.events.length - a.events.length || a.verb.localeCompare(b.verb); });
  }

  function verbCount(k) {
    return k.verb + (k.events.length > 1 ? " ×" + k.events.length : "");
  }

  function bundleLabel(kinds) {
    var lines = kinds.slice(0, 3).map(verbCount);
    if (kinds.length > 3) lines.push("+" + (kinds.length - 3) + " more");
    return lines.join("\n");
  }

  function bundleWidth(kinds) {
    var n = kinds.reduce(function (sum, k) { return sum + k.events.length; }, 0);
    return Math.round((1.5 + 2.5 * Math.log2(Math.max(1, n))) * 10) / 10;
  }

  function inScope(n) {
    if (!n.linked && !state.showUnlinked) return false;
    return !state.overview || included.has(n.id);
  }

  function compute() {
    var ok = new Set();
    allNodes.forEach(function (n) {
      if (n.isEvent) {
        if (state.view === "events" && state.kinds.has("Event") && eventPasses(n)) ok.add(n.id);
      } else if (state.kinds.has(n.kind) && docPasses(n)) {
        ok.add(n.id);
      }
    });
    var edges = allEdges.filter(function (e) {
      if (e.view !== "both" && e.view !== state.view) return false;
      if (!ok.has(e.from) || !ok.has(e.to)) return false;
      if (e.role === "actor") return e.events.some(function (id) { return eventPasses(byId.get(id)); });
      return true;
    });
    var shown = new Set();
    matches = new Set();
    if (state.query) {
      // search looks at every node, drawn or not, and draws the matches with their neighbours
      ok.forEach(function (id) { if (byId.get(id).search.indexOf(state.query) >= 0) matches.add(id); });
      matches.forEach(function (id) { shown.add(id); });
      edges.forEach(function (e) {
        if (matches.has(e.from)) shown.add(e.to);
        if (matches.has(e.to)) shown.add(e.from);
      });
    } else {
      ok.forEach(function (id) { if (inScope(byId.get(id))) shown.add(id); });
    }
    edges = edges.filter(function (e) { return shown.has(e.from) && shown.has(e.to); });
    if (state.view === "actors") {
      var linked = new Set();
      edges.forEach(function (e) { linked.add(e.from); linked.add(e.to); });
      shown = new Set(Array.from(shown).filter(function (id) {
        return linked.has(id) || matches.has(id) || (state.showUnlinked && !byId.get(id).linked);
      }));
    }
    visibleNodes = shown;
    visibleEdges = new Set(edges.map(function (e) { return e.id; }));
  }

  // ---- where nodes are drawn ------------------------------------------------------------------

  function position(n) {
    if (state.view === "actors" && n.ax !== undefined) return { x: n.ax, y: n.ay };
    if (state.overview) {
      var p = near.get(n.id);
      if (p) return p;
    }
    return { x: n.x, y: n.y };
  }

  function extentOf(points) {
    var e = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
    points.forEach(function (p) {
      e.left = Math.min(e.left, p.x); e.right = Math.max(e.right, p.x);
      e.top = Math.min(e.top, p.y); e.bottom = Math.max(e.bottom, p.y);
    });
    return e;
  }

  // Nodes the overview gains (an actor's neighbourhood, a community, what a search finds) are put
  // on rings around a neighbour already placed; a node with none goes beside the drawing.
  var ringCount = new Map();

  function ring(anchor, ids) {
    var c = near.get(anchor);
    var k = ringCount.get(anchor) || 0;
    ids.forEach(function (id) {
      var r = 190, cap = Math.floor(2 * Math.PI * r / 130), i = k;
      while (i >= cap) { i -= cap; r += 110; cap = Math.floor(2 * Math.PI * r / 130); }
      var angle = 2 * Math.PI * i / cap + r / 500;
      near.set(id, { x: c.x + r * Math.cos(angle), y: c.y + r * Math.sin(angle) });
      k++;
    });
    ringCount.set(anchor, k);
  }

  function place(ids) {
    var pending = ids.filter(function (id) { return !near.has(id) && byId.get(id).linked; });
    var beside = 0;
    while (pending.length) {
      var byAnchor = new Map(), rest = [];
      pending.forEach(function (id) {
        var anchor = neighbours.get(id).filter(function (m) { return near.has(m); })
          .sort(function (a, b) { return neighbours.get(b).length - neighbours.get(a).length; })[0];
        if (anchor === undefined) rest.push(id);
        else { if (!byAnchor.has(anchor)) byAnchor.set(anchor, []); byAnchor.get(anchor).push(id); }
      });
      byAnchor.forEach(function (list, anchor) { ring(anchor, list); });
      if (rest.length === pending.length) {
        var e = extentOf(Array.from(near.values()));
        if (!isFinite(e.left)) e = { right: 0, top: 0 };
        near.set(rest.shift(), { x: e.right + 300, y: e.top + 160 * beside++ });
      }
      pending = rest;
    }
  }

  // ---- the network ----------------------------------------------------------------------------

  compute();
  var inData = new Set(); // what vis-network has been given: the rest has never been shown
  var edgesInData = new Set();

  function visNode(n) {
    var p = position(n);
    var out = { id: n.id, label: n.label, shape: n.shape, x: p.x, y: p.y, hidden: !visibleNodes.has(n.id),
      color: state.colour === "community" ? communityColour(n) : n.typeColor };
    ["size", "font", "margin", "widthConstraint", "shapeProperties"].forEach(function (k) {
      if (n[k] !== undefined) out[k] = n[k];
    });
    if (!n.isEvent) out.size = n.sizes[state.size];
    if (n.isEvent && state.colour === "community") out.font = Object.assign({}, n.font, { color: "#111111" });
    return out;
  }

  function visEdge(e) {
    // the role of an actor-event link shows in its arrow and dashes (and on hover), not as a label
    var out = { id: e.id, from: e.from, to: e.to, dashes: !!e.dashes, hidden: !visibleEdges.has(e.id) };
    if (e.role === "actor") {
      var kinds = bundle(e);
      out.label = e.drawnLabel = bundleLabel(kinds);
      out.width = e.drawnWidth = bundleWidth(kinds);
      out.color = { color: "#56616d" };
      out.font = { color: "#222222", size: 13, align: "horizontal", background: "rgba(255,255,255,0.85)", strokeWidth: 0 };
      out.smooth = e.smooth;
    } else if (e.role === "member of" || e.role === "post in") {
      out.color = { color: "#c1c7ce" };
    }
    return out;
  }

  var nodeData = new vis.DataSet(allNodes.filter(function (n) { return visibleNodes.has(n.id); }).map(visNode));
  nodeData.getIds().forEach(function (id) { inData.add(id); });
  var edgeData = new vis.DataSet(allEdges.filter(function (e) { return visibleEdges.has(e.id); }).map(visEdge));
  edgeData.getIds().forEach(function (id) { edgesInData.add(id); });

  var container = $("network");
  var network = new vis.Network(container, { nodes: nodeData, edges: edgeData }, options);
  timings.network = performance.now();
  var ready = false;
  var afterDraw = []; // what to do once the next frame is drawn (label sizes are known then)

  function markReady() {
    if (ready) return;
    ready = true;
    timings.ready = performance.now();
    window.kgReady = true;
    document.documentElement.setAttribute("data-ready", "true");
  }

  network.on("afterDrawing", function () {
    var todo = afterDraw;
    afterDraw = [];
    todo.forEach(function (f) { f(); });
  });

  // the first frame gives every label its size: push apart what overlaps, zoom for reading, and
  // once that is drawn the page is ready
  afterDraw.push(function () {
    declutter();
    readableView();
    afterDraw.push(markReady);
    network.redraw();
  });
  if (allNodes.length === 0 || visibleNodes.size === 0) markReady();

  function drawn() {
    return network.body.nodeIndices.slice();
  }

  // What a node covers around its centre, shape and label, from the sizes vis-network measured
  // (its bounding box keeps the label where it was last drawn, which is stale off screen): a box
  // holds its label; other shapes have it below, where vis-network puts it ("hanging", 4 px down).
  function boxOf(v) {
    var shape = v.shape, label = v.labelModule.size;
    var hw = shape.width / 2, hh = shape.height / 2;
    if (v.options.shape === "box" || !label.width) return { l: -hw, r: hw, t: -hh, b: hh };
    var half = Math.max(hw, label.width / 2);
    return { l: -half, r: half, t: -hh, b: hh + v.labelModule.fontOptions.size / 2 + 4 + label.height };
  }

  // Push apart the drawn nodes whose boxes (shape and label, as vis-network measured them) overlap,
  // along the axis where they overlap least; a sweep over the boxes sorted by their left side.
  function declutter() {
    var body = network.body;
    var ctx = network.canvas.frame.canvas.getContext("2d");
    var gx = GAP / 2 + (state.view === "actors" ? LINK_ROOM : 0), gy = GAP / 2 + (state.view === "actors" ? LINK_ROOM / 2 : 0);
    var items = drawn().map(function (id) {
      body.nodes[id].resize(ctx); // nodes off screen have not measured their labels yet
      var b = boxOf(body.nodes[id]);
      return { id: id, x: body.nodes[id].x, y: body.nodes[id].y, l: b.l - gx, r: b.r + gx, t: b.t - gy, b: b.b + gy };
    });
    if (items.length < 2) return;
    // in "who did what to whom", a link is long enough for its label between the two boxes
    var byItem = new Map(items.map(function (it) { return [it.id, it]; }));
    var spans = state.view !== "actors" ? [] : network.body.edgeIndices.map(function (id) {
      var v = body.edges[id], lines = String(v.options.label || "").split("\n").length;
      return { a: byItem.get(v.fromId), b: byItem.get(v.toId), room: 18 * lines + 40 };
    }).filter(function (s) { return s.a && s.b && s.a !== s.b; });
    var rounds = items.length > 2000 ? 80 : 500; // a big drawing was decluttered by kg.viz already
    for (var round = 0; round < rounds; round++) {
      spans.forEach(function (s) {
        var A = s.a, B = s.b, dx = B.x - A.x, dy = B.y - A.y, d = Math.hypot(dx, dy) || 1;
        var need = (A.b - A.t) / 2 + (B.b - B.t) / 2 - LINK_ROOM + s.room;
        if (d >= need) return;
        var push = (need - d) / 2;
        A.x -= dx / d * push; A.y -= dy / d * push; B.x += dx / d * push; B.y += dy / d * push;
      });
      items.sort(function (a, b) { return (a.x + a.l) - (b.x + b.l); });
      var moved = false;
      for (var i = 0; i < items.length; i++) {
        var A = items[i];
        for (var j = i + 1; j < items.length && items[j].x + items[j].l < A.x + A.r; j++) {
          var B = items[j];
          var ox = Math.min(A.x + A.r, B.x + B.r) - Math.max(A.x + A.l, B.x + B.l);
          var oy = Math.min(A.y + A.b, B.y + B.b) - Math.max(A.y + A.t, B.y + B.t);
          if (ox <= 1 || oy <= 1) continue; // within the gap kept between boxes: near enough
          moved = true;
          var s;
          if (ox < oy) {
            s = A.x + (A.l + A.r) / 2 <= B.x + (B.l + B.r) / 2 ? 1 : -1;
            A.x -= s * (ox / 2 + 0.5); B.x += s * (ox / 2 + 0.5);
          } else {
            s = A.y + (A.t + A.b) / 2 <= B.y + (B.t + B.b) / 2 ? 1 : -1;
            A.y -= s * (oy / 2 + 0.5); B.y += s * (oy / 2 + 0.5);
          }
        }
      }
      if (!moved) break;
    }
    timings.declutterRounds = round;
    items.forEach(function (it) {
      var v = body.nodes[it.id], n = byId.get(it.id);
      v.x = it.x; v.y = it.y;
      if (state.view === "actors" && n.ax !== undefined) { n.ax = it.x; n.ay = it.y; }
      else if (state.overview && near.has(it.id)) near.set(it.id, { x: it.x, y: it.y });
      else { n.x = it.x; n.y = it.y; }
    });
  }

  // The most connected part of what is drawn, at a zoom where every label is READABLE px or more:
  // fitted whole if it fits at that zoom, else centred on its most central actor.
  function readableView() {
    var ids = drawn();
    if (!ids.length) return;
    var body = network.body;
    var next = new Map();
    ids.forEach(function (id) { next.set(id, []); });
    network.body.edgeIndices.forEach(function (eid) {
      var e = body.edges[eid];
      if (next.has(e.fromId) && next.has(e.toId)) { next.get(e.fromId).push(e.toId); next.get(e.toId).push(e.fromId); }
    });
    var best = [], seen = new Set();
    ids.forEach(function (start) {
      if (seen.has(start)) return;
      var part = [start];
      seen.add(start);
      for (var i = 0; i < part.length; i++) {
        next.get(part[i]).forEach(function (m) { if (!seen.has(m)) { seen.add(m); part.push(m); } });
      }
      if (part.length > best.length) best = part;
    });
    var box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
    var smallest = Infinity, hub = null;
    best.forEach(function (id) {
      var v = body.nodes[id], bb = boxOf(v), n = byId.get(id);
      box.left = Math.min(box.left, v.x + bb.l); box.right = Math.max(box.right, v.x + bb.r);
      box.top = Math.min(box.top, v.y + bb.t); box.bottom = Math.max(box.bottom, v.y + bb.b);
      if (!n.isEvent && (hub === null || n.centrality > hub.centrality)) hub = n;
    });
    ids.forEach(function (id) {
      var f = body.nodes[id].options.font;
      if (f && f.size) smallest = Math.min(smallest, f.size);
    });
    var w = container.clientWidth, h = container.clientHeight;
    var fit = 0.96 * Math.min(w / Math.max(1, box.right - box.left), h / Math.max(1, box.bottom - box.top));
    var scale = Math.min(Math.max(fit, READABLE / (isFinite(smallest) ? smallest : 14)), 1.5);
    var cx = (box.left + box.right) / 2, cy = (box.top + box.bottom) / 2;
    if (scale > fit && hub) {
      // along an axis where the part is much wider than the canvas, the view centres on its hub
      var at = body.nodes[hub.id];
      if (box.right - box.left > 1.3 * w / scale) cx = at.x;
      if (box.bottom - box.top > 1.3 * h / scale) cy = at.y;
    }
    network.moveTo({ position: { x: cx, y: cy }, scale: scale, animation: false });
  }

  function refresh() {
    var nodesBefore = visibleNodes, edgesBefore = visibleEdges;
    compute();
    if (state.overview) place(Array.from(visibleNodes));
    var addNodes = [], addEdges = [], nodes = [], edges = [];
    allNodes.forEach(function (n) {
      var shown = visibleNodes.has(n.id);
      if (!inData.has(n.id)) { if (shown) { addNodes.push(visNode(n)); inData.add(n.id); } }
      else if (shown !== nodesBefore.has(n.id)) nodes.push({ id: n.id, hidden: !shown });
    });
    allEdges.forEach(function (e) {
      var shown = visibleEdges.has(e.id);
      if (!edgesInData.has(e.id)) { if (shown) { addEdges.push(visEdge(e)); edgesInData.add(e.id); } }
      else if (shown !== edgesBefore.has(e.id)) edges.push({ id: e.id, hidden: !shown });
    });
    if (addNodes.length) nodeData.add(addNodes);
    if (addEdges.length) edgeData.add(addEdges);
    if (state.view === "actors") { // what filters leave of a bundle of links: its count and width
      var relabel = [];
      visibleEdges.forEach(function (id) {
        var e = edgeById.get(id);
        if (e.role !== "actor" || addEdges.some(function (a) { return a.id === id; })) return;
        var kinds = bundle(e), text = bundleLabel(kinds), width = bundleWidth(kinds);
        if (text !== e.drawnLabel || width !== e.drawnWidth) {
          e.drawnLabel = text; e.drawnWidth = width;
          relabel.push({ id: id, label: text, width: width });
        }
      });
      if (relabel.length) edgeData.update(relabel);
    }
    setHidden(nodes, edges);
    if (addNodes.length || nodes.some(function (c) { return !c.hidden; })) {
      afterDraw.push(function () { declutter(); network.redraw(); });
    }
    showCounts();
    timeline.draw();
  }

  // vis-network 9.1.2 (pyvis's copy, inlined in this page) would run setOptions on every node whose
  // "hidden" changes through the DataSet, about 0.2 ms each; flipping the option and announcing one
  // data change makes a filter on 5,000 nodes several times faster.
  function setHidden(nodes, edges) {
    var body = network.body;
    nodes.forEach(function (c) { body.nodes[c.id].options.hidden = c.hidden; });
    edges.forEach(function (c) { body.edges[c.id].options.hidden = c.hidden; });
    if (nodes.length || edges.length) body.emitter.emit("_dataChanged");
  }

  // move what vis-network holds to where the current mode draws it
  function reposition() {
    var body = network.body;
    inData.forEach(function (id) {
      var p = position(byId.get(id));
      body.nodes[id].x = p.x;
      body.nodes[id].y = p.y;
    });
  }

  function showCounts() {
    $("shown").textContent = visibleNodes.size + " of " + allNodes.length + " nodes · " + visibleEdges.size + " links";
  }

  // ---- colours and sizes ----------------------------------------------------------------------

  function communityColour(n) {
    var c = n.community >= 0 ? T.communities[n.community] : null;
    var fill = c ? c.color : T.noCommunity;
    return { background: fill, border: "#333333", highlight: { background: fill, border: "#111111" },
      hover: { background: fill, border: "#111111" } };
  }

  function recolour() {
    var byCommunity = state.colour === "community";
    nodeData.update(Array.from(inData).map(function (id) {
      var n = byId.get(id);
      var item = { id: n.id, color: byCommunity ? communityColour(n) : n.typeColor };
      if (n.isEvent) item.font = Object.assign({}, n.font, { color: byCommunity ? "#111111" : n.font.color });
      return item;
    }));
    $("communities").hidden = !byCommunity;
    $("roots").classList.toggle("muted", byCommunity);
  }

  function resize() {
    nodeData.update(Array.from(inData).map(function (id) { return byId.get(id); })
      .filter(function (n) { return !n.isEvent; })
      .map(function (n) { return { id: n.id, size: n.sizes[state.size] }; }));
  }

  // ---- small DOM helpers: text only ------------------------------------------------------------

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function swatch(shape, colour) {
    var s = el("span", null, "swatch " + shape);
    s.style.background = colour;
    return s;
  }

  function button(text, onClick) {
    var b = el("button", text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function checkbox(labelText, count, checked, onChange, swatchEl) {
    var label = el("label", null, "check");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); refresh(); });
    label.appendChild(box);
    if (swatchEl) label.appendChild(swatchEl);
    var text = el("span", labelText, "text");
    text.title = labelText;
    label.appendChild(text);
    if (count !== null && count !== undefined) label.appendChild(el("span", count, "count"));
    return label;
  }

  function toggle(set, value) {
    return function (on) { if (on) set.add(value); else set.delete(value); };
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // ---- legend and filters ---------------------------------------------------------------------

  var KIND_NAMES = { Person: "People", Organization: "Organisations", Country: "Countries", Place: "Places",
    Event: "Events" };
  Object.keys(T.kinds).forEach(function (kind) {
    var k = T.kinds[kind];
    var colour = kind === "Event" ? "linear-gradient(90deg," + Object.keys(T.quads).map(function (q) {
      return T.quads[q].color;
    }).join(",") + ")" : k.color;
    var box = checkbox(KIND_NAMES[kind] || kind, k.count, true, toggle(state.kinds, kind), swatch(k.shape, colour));
    box.querySelector("input").dataset.kind = kind;
    $("kinds").appendChild(box);
  });

  Object.keys(T.quads).forEach(function (q) {
    var roots = T.roots.filter(function (r) { return r.quad === q; });
    if (!roots.length) return;
    var head = el("div", null, "group");
    head.appendChild(swatch("box", T.quads[q].color));
    head.appendChild(el("span", T.quads[q].name + " (" + T.quads[q].count + ")"));
    $("roots").appendChild(head);
    roots.forEach(function (r) {
      var box = checkbox((r.code ? r.code + " " : "") + r.name, r.count, true, toggle(state.roots, r.code));
      box.querySelector("input").dataset.root = r.code;
      $("roots").appendChild(box);
    });
  });
  if (!T.roots.length) $("roots").appendChild(el("p", "No events in this graph.", "note"));

  function communityName(c, i) {
    return (i + 1) + ". " + c.top.join(", ") + (c.size > c.top.length ? ", …" : "");
  }

  T.communities.forEach(function (c, i) {
    var row = el("div", null, "check");
    row.appendChild(swatch("dot", c.color));
    row.appendChild(el("span", communityName(c, i), "text"));
    row.appendChild(el("span", c.size, "count"));
    $("communities").appendChild(row);
  });
  if (!T.communities.length) $("communities").appendChild(el("p", "No communities: no actor deals with another.", "note"));

  T.docs.forEach(function (d, i) {
    var text = d.title + (d.date ? " (" + d.date + ")" : "");
    var box = checkbox(text, null, true, toggle(state.docs, i));
    box.querySelector("input").dataset.doc = String(i);
    $("docs").appendChild(box);
  });

  $("edge-legend").textContent = "Actor → event: source (or, dashed, who claimed it). Event → actor: target; " +
    "dashed to a place: where. Grey dashed: member of, post in. In “who did what to whom”, the events of " +
    "one kind from one actor to another are one link, “accused ×3”, wider the more there are.";

  var dates = allNodes.filter(function (n) { return n.isEvent && n.date; }).map(function (n) { return n.start; }).sort();
  if (dates.length) {
    $("date-from").min = $("date-to").min = dates[0];
    $("date-from").max = $("date-to").max = pad(dates[dates.length - 1].slice(0, 10), "31").slice(0, 10);
    $("date-note").textContent = "Events are dated from " + dates[0].slice(0, 4) + " to " +
      dates[dates.length - 1].slice(0, 4) + "; undated events are hidden while a date is set. " +
      "Drag over the timeline to choose dates; there, an event dated by its month or year counts at its first day.";
  } else {
    $("date-note").textContent = "No event in this graph has a date.";
  }

  function setDates(from, to) {
    state.from = from;
    state.to = to;
    $("date-from").value = from;
    $("date-to").value = to;
    refresh();
  }

  ["date-from", "date-to"].forEach(function (id) {
    $(id).addEventListener("change", function () { setDates($("date-from").value, $("date-to").value); });
  });

  var names = $("names");
  allNodes.filter(function (n) { return !n.isEvent; }).forEach(function (n) {
    var option = document.createElement("option");
    option.value = n.name;
    names.appendChild(option);
  });

  // ---- actors mentioned in no event or tie: listed, and drawn on demand ------------------------

  if (unlinked.length) {
    $("unlinked-panel").hidden = false;
    $("unlinked-count").textContent = String(unlinked.length);
    $("show-unlinked").checked = state.showUnlinked;
    unlinked.slice().sort(function (a, b) {
      return b.ev.length - a.ev.length || a.name.localeCompare(b.name);
    }).forEach(function (n) {
      var li = el("li");
      li.dataset.id = String(n.id);
      li.appendChild(swatch(n.shape, n.typeColor.background));
      li.appendChild(el("span", n.name, "text"));
      li.title = n.name + " (" + n.kind + "): " + plural(n.ev.length, "mention");
      li.appendChild(el("span", String(n.ev.length), "count"));
      li.tabIndex = 0;
      li.addEventListener("click", function () { select(n.id, true); });
      li.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(n.id, true); });
      $("unlinked").appendChild(li);
    });
  }
  $("show-unlinked").addEventListener("change", function () {
    state.showUnlinked = $("show-unlinked").checked;
    refresh();
  });

  // ---- the overview of a large graph -----------------------------------------------------------

  function overviewNote() {
    if (!T.overview) return;
    $("overview").hidden = false;
    $("overview-note").textContent = state.overview
      ? "This graph has " + allNodes.length + " nodes: the page opened on its most central actors and " +
        "their events (" + T.budget + " nodes at most). Search finds every node; an actor's details can " +
        "draw its neighbourhood."
      : "Every node is drawn.";
    $("show-all").textContent = state.overview ? "Draw every node" : "Back to the overview";
  }

  function include(ids) {
    ids.forEach(function (id) { included.add(id); });
    place(ids);
  }

  function neighbourhood(id) {
    // an actor's events and the other actors and places of those events; an event's actors
    var out = new Set();
    neighbours.get(id).forEach(function (m) {
      out.add(m);
      if (byId.get(m).isEvent) neighbours.get(m).forEach(function (k) { out.add(k); });
    });
    out.delete(id);
    return Array.from(out).filter(function (m) { return byId.get(m).linked; });
  }

  function expand(id) {
    if (!state.overview) return;
    include([id].concat(neighbourhood(id)));
    refresh();
    afterDraw.push(function () {
      network.focus(id, { scale: Math.max(network.getScale(), READABLE / 13), animation: { duration: 300 } });
    });
  }

  if (T.overview) {
    T.communities.slice(0, 12).forEach(function (c, i) {
      var row = el("div", null, "check");
      row.appendChild(swatch("dot", c.color));
      row.appendChild(el("span", communityName(c, i), "text"));
      row.appendChild(el("span", c.size, "count"));
      var add = button("draw", function () {
        if (!state.overview) return;
        var members = allNodes.filter(function (n) { return n.community === i && n.linked; })
          .map(function (n) { return n.id; });
        include(members);
        refresh();
      });
      add.dataset.community = String(i);
      row.appendChild(add);
      $("overview-communities").appendChild(row);
    });
    $("show-all").addEventListener("click", function () {
      state.overview = !state.overview;
      overviewNote();
      refresh();
      reposition();
      afterDraw.push(function () { declutter(); readableView(); network.redraw(); });
      network.redraw();
    });
    overviewNote();
  }

  // ---- search, views, display -------------------------------------------------------------------

  var timer = null;
  $("search").addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      state.query = $("search").value.trim().toLowerCase();
      refresh();
      afterDraw.push(fitShown);
    }, 150);
  });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    clearTimeout(timer);
    state.query = $("search").value.trim().toLowerCase();
    refresh();
    var first = Array.from(matches).sort(function (a, b) {
      return (byId.get(a).name.toLowerCase() === state.query ? 0 : 1) - (byId.get(b).name.toLowerCase() === state.query ? 0 : 1);
    })[0];
    if (first !== undefined) select(first, true);
  });

  function fitShown() {
    network.fit({ nodes: Array.from(visibleNodes), animation: { duration: 300 } });
  }

  document.querySelectorAll("input[name=view]").forEach(function (radio) {
    radio.addEventListener("change", function () {
      if (radio.checked) {
        state.view = radio.value;
        refresh();
        reposition(); // each view has its own layout
        afterDraw.push(function () { declutter(); readableView(); network.redraw(); });
        network.redraw();
      }
    });
  });
  $("colour-by").addEventListener("change", function () { state.colour = $("colour-by").value; recolour(); });
  $("size-by").addEventListener("change", function () { state.size = $("size-by").value; resize(); });
  $("physics").addEventListener("change", function () {
    var on = $("physics").checked;
    network.setOptions({ physics: { enabled: on, stabilization: { enabled: false } } });
  });
  $("fit").addEventListener("click", function () { fitShown(); });
  $("reset").addEventListener("click", function () {
    state.kinds = new Set(Object.keys(T.kinds));
    state.roots = new Set(allRoots);
    state.docs = new Set(T.docs.map(function (_, i) { return i; }));
    state.from = state.to = state.query = "";
    $("search").value = $("date-from").value = $("date-to").value = "";
    document.querySelectorAll("#controls .checks input[type=checkbox]").forEach(function (b) { b.checked = true; });
    refresh();
  });

  // ---- the timeline: events per day, week or month, stacked by QuadClass ------------------------

  var DAY = 86400000;
  var QUADS = Object.keys(T.quads);

  function dayOf(text) { // "2016-10-16" -> days since 1970
    return Math.floor(Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / DAY);
  }

  function isoOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }

  var timeline = (function () {
    var canvas = $("timeline-canvas");
    var dated = allNodes.filter(function (n) { return n.isEvent && n.date; });
    dated.forEach(function (n) { n.day = dayOf(n.start); });
    var undated = allNodes.filter(function (n) { return n.isEvent && !n.date; }).length;
    var first = Infinity, last = -Infinity;
    dated.forEach(function (n) { first = Math.min(first, n.day); last = Math.max(last, n.day); });
    var span = last - first;
    var unit = span <= 150 ? "day" : span <= 1100 ? "week" : "month";

    function binOf(day) { // the first day of the day's bin
      if (unit === "day") return day;
      if (unit === "week") return day - ((day + 3) % 7); // Mondays (1970-01-01 was a Thursday)
      var d = new Date(day * DAY);
      return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY);
    }

    function nextBin(start) {
      if (unit === "day") return start + 1;
      if (unit === "week") return start + 7;
      var d = new Date(start * DAY);
      return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY);
    }

    var bins = [];
    if (dated.length) {
      for (var b = binOf(first); b <= last; b = nextBin(b)) bins.push(b);
    }
    var index = new Map(bins.map(function (b, i) { return [b, i]; }));
    var M = { left: 34, right: 8, top: 12, bottom: 18 };
    var drag = null;

    $("timeline-note").textContent = dated.length
      ? plural(dated.length, "dated event") + " by " + unit + (undated ? " (" + undated + " undated)" : "") +
        "; drag to choose dates"
      : "No event in this graph has a date.";
    QUADS.forEach(function (q) {
      var item = el("span");
      item.appendChild(swatch("box", T.quads[q].color));
      item.appendChild(document.createTextNode(T.quads[q].name));
      $("timeline-legend").appendChild(item);
    });

    function size() {
      var ratio = window.devicePixelRatio || 1;
      var w = canvas.clientWidth, h = canvas.clientHeight;
      if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
        canvas.width = Math.round(w * ratio);
        canvas.height = Math.round(h * ratio);
      }
      return { w: w, h: h, ratio: ratio };
    }

    function xOf(i, s) { return M.left + (s.w - M.left - M.right) * i / Math.max(1, bins.length); }

    function binAt(x, s) {
      var i = Math.floor((x - M.left) / (s.w - M.left - M.right) * bins.length);
      return Math.max(0, Math.min(bins.length - 1, i));
    }

    function counts() {
      // the events the other filters let through (not the dates: the timeline is how they are chosen)
      var out = bins.map(function () { return QUADS.map(function () { return 0; }); });
      dated.forEach(function (n) {
        if (!state.kinds.has("Event") || !state.roots.has(n.root || "") || !docPasses(n)) return;
        out[index.get(binOf(n.day))][Math.max(0, QUADS.indexOf(n.quad))]++;
      });
      return out;
    }

    function selectedBins() {
      if (drag) return [Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)];
      if (!state.from && !state.to) return null;
      var a = state.from ? binOf(dayOf(state.from)) : bins[0];
      var b = state.to ? binOf(dayOf(state.to)) : bins[bins.length - 1];
      var i = index.has(a) ? index.get(a) : (a < bins[0] ? 0 : bins.length - 1);
      var j = index.has(b) ? index.get(b) : (b < bins[0] ? 0 : bins.length - 1);
      return [i, j];
    }

    function draw() {
      var s = size(), ctx = canvas.getContext("2d");
      ctx.setTransform(s.ratio, 0, 0, s.ratio, 0, 0);
      ctx.clearRect(0, 0, s.w, s.h);
      if (!bins.length) return;
      var c = counts();
      var top = Math.max(1, Math.max.apply(null, c.map(function (q) { return q.reduce(function (a, b) { return a + b; }, 0); })));
      var H = s.h - M.top - M.bottom, bw = (s.w - M.left - M.right) / bins.length;
      var sel = selectedBins();
      if (sel) {
        ctx.fillStyle = "rgba(47, 95, 179, 0.14)";
        ctx.fillRect(xOf(sel[0], s), 0, xOf(sel[1] + 1, s) - xOf(sel[0], s), s.h - M.bottom);
      }
      c.forEach(function (q, i) {
        var y = s.h - M.bottom;
        var inside = !sel || (i >= sel[0] && i <= sel[1]);
        q.forEach(function (k, qi) {
          if (!k) return;
          var hgt = H * k / top;
          ctx.fillStyle = T.quads[QUADS[qi]].color;
          ctx.globalAlpha = inside ? 1 : 0.35;
          ctx.fillRect(xOf(i, s) + (bw > 3 ? 0.5 : 0), y - hgt, Math.max(1, bw - (bw > 3 ? 1 : 0)), hgt);
          y -= hgt;
        });
      });
      ctx.globalAlpha = 1;
      // the axis: counts on the left, dates below
      ctx.fillStyle = "#5c6670";
      ctx.font = "11px system-ui, sans-serif";
      ctx.textAlign = "right";
      ctx.textBaseline = "middle";
      ctx.fillText(String(top), M.left - 5, M.top + 4);
      ctx.fillText("0", M.left - 5, s.h - M.bottom - 3);
      ctx.strokeStyle = "#d8dde3";
      ctx.beginPath();
      ctx.moveTo(M.left, s.h - M.bottom + 0.5);
      ctx.lineTo(s.w - M.right, s.h - M.bottom + 0.5);
      ctx.stroke();
      ctx.textAlign = "left";
      ctx.textBaseline = "top";
      var lastX = -Infinity, years = bins.length > 24 && unit !== "day";
      bins.forEach(function (b, i) {
        var iso = isoOf(b), x = xOf(i, s);
        var newYear = i === 0 || iso.slice(0, 4) !== isoOf(bins[i - 1]).slice(0, 4);
        var newMonth = i === 0 || iso.slice(0, 7) !== isoOf(bins[i - 1]).slice(0, 7);
        var mark = years ? newYear : (unit === "day" ? true : newMonth);
        if (!mark || x - lastX < (years ? 34 : 58)) return;
        var text = years ? iso.slice(0, 4) : unit === "day" ? iso.slice(5) : iso.slice(0, 7);
        ctx.fillText(text, x + 2, s.h - M.bottom + 3);
        ctx.fillRect(x, s.h - M.bottom, 1, 4);
        lastX = x;
      });
      // a selected actor's events: marks above their periods
      var mine = marked();
      if (mine.size) {
        ctx.fillStyle = "#111111";
        mine.forEach(function (i) {
          var x = xOf(i, s) + bw / 2;
          ctx.beginPath();
          ctx.moveTo(x - 4, 1);
          ctx.lineTo(x + 4, 1);
          ctx.lineTo(x, 8);
          ctx.fill();
        });
      }
      $("timeline-clear").hidden = !(state.from || state.to);
    }

    function marked() { // the periods of the selected node's events
      var n = state.selected !== null ? byId.get(state.selected) : null, mine = new Set();
      if (!n || !bins.length) return mine;
      (n.isEvent ? [n] : neighbours.get(n.id).map(function (id) { return byId.get(id); }))
        .forEach(function (m) { if (m.isEvent && m.date) mine.add(index.get(binOf(m.day))); });
      return mine;
    }

    function pointer(ev) {
      var r = canvas.getBoundingClientRect();
      return ev.clientX - r.left;
    }

    canvas.addEventListener("mousedown", function (ev) {
      if (!bins.length) return;
      var i = binAt(pointer(ev), size());
      drag = { a: i, b: i, x: pointer(ev) };
      draw();
    });
    window.addEventListener("mousemove", function (ev) {
      if (drag) { drag.b = binAt(pointer(ev), size()); draw(); return; }
    });
    canvas.addEventListener("mousemove", function (ev) {
      if (drag || !bins.length) return;
      var i = binAt(pointer(ev), size()), c = counts()[i];
      canvas.title = (unit === "month" ? isoOf(bins[i]).slice(0, 7) : (unit === "week" ? "week of " : "") + isoOf(bins[i])) +
        ": " + QUADS.map(function (q, qi) { return c[qi] ? c[qi] + " " + T.quads[q].name.toLowerCase() : ""; })
          .filter(Boolean).join(", ");
    });
    window.addEventListener("mouseup", function (ev) {
      if (!drag) return;
      var d = drag;
      drag = null;
      if (Math.abs(pointer(ev) - d.x) < 3) { setDates("", ""); return; } // a click clears the dates
      var i = Math.min(d.a, d.b), j = Math.max(d.a, d.b);
      setDates(isoOf(bins[i]), isoOf(nextBin(bins[j]) - 1));
    });
    $("timeline-clear").addEventListener("click", function () { setDates("", ""); });
    window.addEventListener("resize", draw);

    return {
      draw: draw,
      unit: unit,
      marked: function () {
        return Array.from(marked()).sort(function (a, b) { return a - b; }).map(function (i) { return isoOf(bins[i]); });
      },
      // for tests and scripts: the first days of the periods and where each is drawn
      bins: function () {
        var s = size(), r = canvas.getBoundingClientRect();
        return bins.map(function (b, i) {
          return { start: isoOf(b), end: isoOf(nextBin(b) - 1), left: r.left + xOf(i, s), right: r.left + xOf(i + 1, s) };
        });
      },
    };
  })();

  // ---- tooltip and details --------------------------------------------------------------------

  function kindText(n) {
    if (n.isEvent) {
      var q = T.quads[n.quad];
      return "Event · " + (q ? q.name : n.quad) + (n.code ? " · CAMEO " + n.code : "") +
        (n.status && n.status !== "asserted" ? " · " + n.status : "");
    }
    return n.kind + (n.subtype && n.subtype !== n.kind ? " · " + n.subtype : "");
  }

  function names_(ids) { // "A", "A and B", "A, B and C", "A, B, C and 142 others"
    var all = (ids || []).map(function (id) { return byId.get(id).name; });
    var shown = all.length > 4 ? all.slice(0, 3).concat([(all.length - 3) + " others"]) : all;
    return shown.length < 2 ? shown.join("") : shown.slice(0, -1).join(", ") + " and " + shown[shown.length - 1];
  }

  // "Boris Johnson demanded of Russia (10, 2016-10-16, in Aleppo)"; without a target, the CAMEO name
  function eventSentence(n) {
    var r = n.roles || {};
    var text;
    if (r.source && r.target) text = names_(r.source) + " " + n.verb + " " + names_(r.target);
    else if (r.source) text = names_(r.source) + ": " + n.name;
    else if (r.target) text = n.name + ", against " + names_(r.target);
    else text = n.name;
    if (n.status && n.status !== "asserted") text += " [" + n.status + "]";
    var about = [n.code || "", n.date ? (n.approximate ? "about " : "") + n.date : "undated"];
    if (r.place) about.push("in " + names_(r.place));
    if (r["claimed by"]) about.push("says " + names_(r["claimed by"]));
    return text + " (" + about.filter(Boolean).join(", ") + ")";
  }

  function numbers(n) {
    var parts = [];
    if (n.killed !== null && n.killed !== undefined) parts.push(n.killed + " killed");
    if (n.injured !== null && n.injured !== undefined) parts.push(n.injured + " injured");
    (n.casualties || []).forEach(function (c) { parts.push(c.count + " " + c.what); });
    return parts.join(", ");
  }

  function sentence(i) {
    var s = T.sentences[i];
    var d = T.docs[s[1]];
    return { text: s[0], doc: d ? d.title + (d.date ? ", " + d.date : "") : "" };
  }

  var tooltip = $("tooltip");

  function showTooltip(parts, pointer) {
    tooltip.replaceChildren.apply(tooltip, parts);
    tooltip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = box.left + pointer.x + 14, y = box.top + pointer.y + 14;
    var w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, box.left + pointer.x - w - 14);
    if (y + h > window.innerHeight - 8) y = Math.max(8, box.top + pointer.y - h - 14);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }

  function eventsOf(n) {
    return neighbours.get(n.id).filter(function (id, i, all) {
      return byId.get(id).isEvent && all.indexOf(id) === i;
    }).map(function (id) { return byId.get(id); })
      .sort(function (a, b) { return (a.start || "9999").localeCompare(b.start || "9999") || a.id - b.id; });
  }

  function nodeSummary(n) {
    var parts = [el("strong", n.name), el("span", kindText(n), "kind")];
    if (n.isEvent) {
      parts.push(el("div", eventSentence(n)));
      if (numbers(n)) parts.push(el("div", numbers(n)));
      if (n.ev.length) {
        var s = sentence(n.ev[0]);
        parts.push(el("q", s.text.length > 220 ? s.text.slice(0, 219) + "…" : s.text));
        parts.push(el("small", s.doc + (n.ev.length > 1 ? " · and " + (n.ev.length - 1) + " more" : "")));
      }
    } else {
      if (n.aliases && n.aliases.length) parts.push(el("div", "Also: " + n.aliases.join(", ")));
      (n.posts || []).forEach(function (p) { parts.push(el("div", p.title + (p.in ? " — " + p.in : ""))); });
      parts.push(el("small", plural(n.activity, "event") + " · mentioned in " + plural(n.docs.length, "document")));
    }
    return parts;
  }

  function edgeSummary(e) {
    var a = byId.get(e.from).name, b = byId.get(e.to).name;
    if (e.role === "actor") {
      var kinds = bundle(e);
      return kinds.slice(0, 4).map(function (k) { return el("div", a + " " + verbCount(k) + " " + b); })
        .concat([el("small", plural(kinds.reduce(function (n, k) { return n + k.events.length; }, 0), "event") +
          " · click for each of them")]);
    }
    return [el("strong", a + " — " + e.label + " — " + b)];
  }

  network.on("hoverNode", function (p) { showTooltip(nodeSummary(byId.get(p.node)), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTooltip(edgeSummary(edgeById.get(p.edge)), p.pointer.DOM); });
  network.on("blurNode", function () { tooltip.hidden = true; });
  network.on("blurEdge", function () { tooltip.hidden = true; });
  network.on("dragStart", function () { tooltip.hidden = true; });
  network.on("zoom", function () { tooltip.hidden = true; });

  var details = $("details");

  function link(id, text) {
    var n = byId.get(id);
    var a = el("a", text || (n.isEvent ? n.name + (n.date ? " (" + n.date + ")" : "") : n.name), "node-link");
    a.href = "#";
    a.addEventListener("click", function (ev) { ev.preventDefault(); select(id, true); });
    return a;
  }

  function field(dl, term, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", term));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    dl.appendChild(dd);
  }

  function links(ids) {
    var span = el("span");
    ids.forEach(function (id, i) {
      if (i) span.appendChild(document.createTextNode(", "));
      span.appendChild(link(id));
    });
    return span;
  }

  function evidence(ids, limit) {
    var box = el("div");
    var shown = ids.slice(0, limit);
    shown.forEach(function (i) {
      var s = sentence(i);
      var quote = el("blockquote");
      quote.appendChild(el("p", s.text));
      quote.appendChild(el("cite", s.doc));
      box.appendChild(quote);
    });
    if (ids.length > limit) {
      var more = el("button", "Show all " + ids.length + " sentences");
      more.type = "button";
      more.addEventListener("click", function () { box.replaceWith(evidence(ids, ids.length)); });
      box.appendChild(more);
    }
    return box;
  }

  function eventList(events, limit) {
    var list = el("ul", null, "events");
    events.slice(0, limit).forEach(function (ev) {
      var li = el("li");
      li.appendChild(link(ev.id, eventSentence(ev)));
      list.appendChild(li);
    });
    if (events.length > limit) {
      var li = el("li");
      li.appendChild(button("Show all " + events.length + " events", function () { list.replaceWith(eventList(events, events.length)); }));
      list.appendChild(li);
    }
    return list;
  }

  function openDetails(parts) {
    var close = button("×", function () {
      details.hidden = true;
      state.selected = null;
      network.unselectAll();
      timeline.draw();
    });
    close.className = "close";
    close.title = "Close";
    close.setAttribute("aria-label", "Close the details");
    details.replaceChildren.apply(details, [close].concat(parts));
    details.hidden = false;
    details.scrollTop = 0;
  }

  function showNode(n) {
    state.selected = n.id;
    var parts = [el("h2", n.name, "name"), el("p", kindText(n), "kind")];
    var dl = el("dl");
    if (n.isEvent) {
      parts.push(el("p", eventSentence(n), "sentence"));
      var r = n.roles || {};
      field(dl, "In the text", n.trigger ? "“" + n.trigger + "”" : "");
      if (r.source) field(dl, "Source", links(r.source));
      if (r.target) field(dl, "Target", links(r.target));
      if (r.place) field(dl, "Place", links(r.place));
      if (r["claimed by"]) field(dl, "Claimed by", links(r["claimed by"]));
      field(dl, "Date", n.date ? (n.approximate ? "about " : "") + n.date : "");
      field(dl, "Status", n.status);
      field(dl, "Numbers", numbers(n));
      field(dl, "Participants", (n.participants || []).join(", "));
      var root = T.roots.filter(function (x) { return x.code === n.root; })[0];
      field(dl, "Category", root ? (root.code ? root.code + " " : "") + root.name : "");
    } else {
      field(dl, "Also known as", (n.aliases || []).join(", "));
      if (n.posts && n.posts.length) {
        var ul = el("ul");
        n.posts.forEach(function (p) { ul.appendChild(el("li", p.title + (p.in ? " — " + p.in : ""))); });
        field(dl, "Posts", ul);
      }
      field(dl, "Events", n.activity);
      field(dl, "Centrality", n.centrality);
      var c = n.community >= 0 ? T.communities[n.community] : null;
      if (c) field(dl, "Community", (n.community + 1) + " (" + c.size + " actors)");
      if (n.sameAs && n.sameAs.length) {
        var same = el("span");
        n.sameAs.forEach(function (iri, i) {
          if (i) same.appendChild(document.createTextNode(" "));
          var a = el("a", iri.replace(/^https?:\/\/(www\.)?/, "").split("/")[0]);
          if (/^https?:\/\//.test(iri)) { a.href = iri; a.target = "_blank"; a.rel = "noopener noreferrer"; }
          a.title = iri;
          same.appendChild(a);
        });
        field(dl, "Same as", same);
      }
    }
    parts.push(dl);
    var actions = el("div", null, "actions");
    if (!n.linked && !state.showUnlinked) {
      actions.appendChild(button("Draw the actors with no events", function () {
        $("show-unlinked").checked = state.showUnlinked = true;
        refresh();
        afterDraw.push(function () { select(n.id, true); });
      }));
    }
    if (state.overview && n.linked) {
      var missing = neighbourhood(n.id).filter(function (m) { return !included.has(m); }).length;
      if (missing || !included.has(n.id)) {
        var grow = button("Draw its neighbourhood (" + plural(missing, "more node") + ")", function () { expand(n.id); });
        grow.id = "expand";
        actions.appendChild(grow);
      }
    }
    if (actions.childNodes.length) parts.push(actions);
    if (!n.isEvent) {
      var evs = eventsOf(n);
      if (evs.length) {
        parts.push(el("h2", "Events (" + evs.length + ")"));
        parts.push(eventList(evs, 30));
      }
    }
    if (n.ev.length) {
      parts.push(el("h2", n.isEvent ? "Evidence" : "Mentions"));
      parts.push(evidence(n.ev, n.isEvent ? 10 : 5));
    }
    openDetails(parts);
    document.querySelectorAll("#unlinked li").forEach(function (li) {
      li.classList.toggle("current", li.dataset.id === String(n.id));
    });
    timeline.draw();
  }

  function showEdge(e) {
    state.selected = null;
    timeline.draw();
    var a = byId.get(e.from), b = byId.get(e.to);
    var parts = [el("h2", a.name + (e.role === "actor" ? " → " : " — " + e.label + " — ") + b.name, "name")];
    if (e.role === "actor") {
      var kinds = bundle(e);
      parts.push(el("p", kinds.map(verbCount).join(", "), "kind"));
      kinds.forEach(function (k) {
        parts.push(el("h2", a.name + " " + k.verb + " " + b.name + " (" + k.events.length + ")"));
        k.events.forEach(function (id) {
          var ev = byId.get(id), head = el("p");
          head.appendChild(link(ev.id, eventSentence(ev)));
          parts.push(head);
          parts.push(evidence(ev.ev, 3));
        });
      });
    }
    openDetails(parts);
  }

  function select(id, focus) {
    var n = byId.get(id);
    if (!n) return;
    if (!visibleNodes.has(id) && n.linked) {
      // make it visible: clear the search, and in the overview draw it beside its neighbours
      if (state.query) { state.query = ""; $("search").value = ""; }
      if (state.overview && !included.has(id)) include([id]);
      refresh();
    }
    if (visibleNodes.has(id)) {
      network.selectNodes([id]);
      if (focus) {
        afterDraw.push(function () {
          network.focus(id, { scale: Math.max(network.getScale(), READABLE / 13), animation: { duration: 400 } });
        });
        network.redraw();
      }
    }
    showNode(n);
  }

  network.on("click", function (p) {
    tooltip.hidden = true;
    if (p.nodes.length) showNode(byId.get(p.nodes[0]));
    else if (p.edges.length) showEdge(edgeById.get(p.edges[0]));
  });

  showCounts();
  timeline.draw();

  window.kg = {
    network: network,
    timings: timings,
    select: select,
    timeline: timeline,
    node: function (id) { return JSON.parse(JSON.stringify(byId.get(id))); },
    shownNodes: function () {
      // what the network draws: vis-network's own lists of visible nodes and edges
      return network.body.nodeIndices.map(function (id) {
        var n = byId.get(id);
        return { id: n.id, name: n.name, kind: n.kind };
      });
    },
    shownEdges: function () {
      return network.body.edgeIndices.map(function (id) {
        var e = edgeById.get(id);
        var drawn = network.body.edges[id].options;
        return { from: byId.get(e.from).name, to: byId.get(e.to).name, fromId: e.from, toId: e.to,
          label: e.role === "actor" ? drawn.label : e.label, role: e.role, width: drawn.width,
          events: e.role === "actor" ? bundle(e).reduce(function (n, k) { return n + k.events.length; }, 0) : 0 };
      });
    },
  };
})();
