/* kg's graph page: filters, search, the two views and the details of a kg graph drawn by vis-network.
 *
 * Every text from the articles is written with textContent, never parsed as HTML.
 * window.kgReady turns true once the network is drawn and can be used. */
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

  timings.parsed = performance.now();
  var byId = new Map();
  var edgeById = new Map();
  var linksOf = new Map(); // node id -> its edges of the events view
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
  });
  allEdges.forEach(function (e) {
    edgeById.set(e.id, e);
    if (e.view !== "actors") {
      linksOf.get(e.from).push(e);
      linksOf.get(e.to).push(e);
    }
  });

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
    hideUnlinked: false,
  };
  var visibleNodes = new Set();
  var visibleEdges = new Set();
  var matches = new Set();

  function docPasses(n) {
    if (state.docs.size === T.docs.length || !n.docs || n.docs.length === 0) return true;
    return n.docs.some(function (d) { return state.docs.has(d); });
  }

  function eventPasses(n) {
    if (!state.roots.has(n.root || "")) return false;
    if (state.from || state.to) {
      if (!n.date) return false;
      if (state.from && n.end < state.from) return false;
      if (state.to && n.start > state.to) return false;
    }
    return docPasses(n);
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
      if (e.role === "actor") {
        if (!state.roots.has(e.root || "")) return false;
        return e.events.some(function (id) { return eventPasses(byId.get(id)); });
      }
      return true;
    });
    var shown = ok;
    matches = new Set();
    if (state.query) {
      ok.forEach(function (id) { if (byId.get(id).search.indexOf(state.query) >= 0) matches.add(id); });
      shown = new Set(matches);
      edges.forEach(function (e) {
        if (matches.has(e.from)) shown.add(e.to);
        if (matches.has(e.to)) shown.add(e.from);
      });
      edges = edges.filter(function (e) { return shown.has(e.from) && shown.has(e.to); });
    }
    if (state.hideUnlinked || state.view === "actors") {
      var linked = new Set();
      edges.forEach(function (e) { linked.add(e.from); linked.add(e.to); });
      shown = new Set(Array.from(shown).filter(function (id) { return linked.has(id) || matches.has(id); }));
    }
    visibleNodes = shown;
    visibleEdges = new Set(edges.map(function (e) { return e.id; }));
  }

  // ---- the network ----------------------------------------------------------------------------

  // what filters leave out is hidden, not removed, so that nothing is rebuilt when it comes back
  compute();
  var nodeData = new vis.DataSet(allNodes.map(visNode));
  var edgeData = new vis.DataSet(allEdges.map(visEdge));

  function visNode(n) {
    var out = { id: n.id, label: n.label, shape: n.shape, x: n.x, y: n.y, color: n.color,
      hidden: !visibleNodes.has(n.id) };
    ["size", "font", "margin", "widthConstraint", "shapeProperties"].forEach(function (k) {
      if (n[k] !== undefined) out[k] = n[k];
    });
    return out;
  }

  function visEdge(e) {
    var out = { id: e.id, from: e.from, to: e.to, label: e.label, dashes: !!e.dashes,
      hidden: !visibleEdges.has(e.id) };
    if (e.role === "actor") {
      out.value = e.value;
      out.color = { color: "#56616d" };
      out.font = { color: "#222222", size: 12 };
      out.smooth = e.smooth;
    } else if (e.role === "member of" || e.role === "post in") {
      out.color = { color: "#c1c7ce" };
    }
    return out;
  }

  var container = $("network");
  var network = new vis.Network(container, { nodes: nodeData, edges: edgeData }, options);
  timings.network = performance.now();
  var ready = false;

  function markReady() {
    if (ready) return;
    ready = true;
    timings.ready = performance.now();
    window.kgReady = true;
    document.documentElement.setAttribute("data-ready", "true");
  }

  // the layout is precomputed: the first frame drawn is the finished picture
  network.once("afterDrawing", markReady);
  if (allNodes.length === 0) markReady();

  function refresh() {
    var nodesBefore = visibleNodes, edgesBefore = visibleEdges;
    compute();
    var nodes = [], edges = [];
    allNodes.forEach(function (n) {
      var shown = visibleNodes.has(n.id);
      if (shown !== nodesBefore.has(n.id)) nodes.push({ id: n.id, hidden: !shown });
    });
    allEdges.forEach(function (e) {
      var shown = visibleEdges.has(e.id);
      if (shown !== edgesBefore.has(e.id)) edges.push({ id: e.id, hidden: !shown });
    });
    setHidden(nodes, edges);
    showCounts();
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
    nodeData.update(allNodes.map(function (n) {
      var byCommunity = state.colour === "community";
      var item = { id: n.id, color: byCommunity ? communityColour(n) : n.typeColor };
      if (n.isEvent) {
        item.font = Object.assign({}, n.font, { color: byCommunity ? "#111111" : n.font.color });
      }
      return item;
    }));
    $("communities").hidden = state.colour !== "community";
    $("roots").classList.toggle("muted", state.colour === "community");
  }

  function resize() {
    nodeData.update(allNodes.filter(function (n) { return !n.isEvent; }).map(function (n) {
      return { id: n.id, size: n.sizes[state.size] };
    }));
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

  T.communities.forEach(function (c, i) {
    var row = el("div", null, "check");
    row.appendChild(swatch("dot", c.color));
    row.appendChild(el("span", (i + 1) + ". " + c.top.join(", ") + (c.size > c.top.length ? ", …" : ""), "text"));
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
    "dashed to a place: where. Grey dashed: member of, post in. In “who did what to whom”, each event with " +
    "a source and a target becomes one link from source to target.";

  var dates = allNodes.filter(function (n) { return n.isEvent && n.date; }).map(function (n) { return n.start; }).sort();
  if (dates.length) {
    $("date-from").min = $("date-to").min = dates[0];
    $("date-from").max = $("date-to").max = pad(dates[dates.length - 1].slice(0, 10), "31").slice(0, 10);
    $("date-note").textContent = "Events are dated from " + dates[0].slice(0, 4) + " to " +
      dates[dates.length - 1].slice(0, 4) + "; undated events are hidden while a date is set.";
  } else {
    $("date-note").textContent = "No event in this graph has a date.";
  }
  ["date-from", "date-to"].forEach(function (id) {
    $(id).addEventListener("change", function () {
      state.from = $("date-from").value;
      state.to = $("date-to").value;
      refresh();
    });
  });

  var names = $("names");
  allNodes.filter(function (n) { return !n.isEvent; }).forEach(function (n) {
    var option = document.createElement("option");
    option.value = n.name;
    names.appendChild(option);
  });

  var timer = null;
  $("search").addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      state.query = $("search").value.trim().toLowerCase();
      refresh();
      fitShown();
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
      if (radio.checked) { state.view = radio.value; refresh(); fitShown(); }
    });
  });
  $("colour-by").addEventListener("change", function () { state.colour = $("colour-by").value; recolour(); });
  $("size-by").addEventListener("change", function () { state.size = $("size-by").value; resize(); });
  $("hide-unlinked").addEventListener("change", function () { state.hideUnlinked = $("hide-unlinked").checked; refresh(); });
  $("physics").addEventListener("change", function () {
    var on = $("physics").checked;
    network.setOptions({ physics: { enabled: on, stabilization: { enabled: false } } });
  });
  $("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  $("reset").addEventListener("click", function () {
    state.kinds = new Set(Object.keys(T.kinds));
    state.roots = new Set(allRoots);
    state.docs = new Set(T.docs.map(function (_, i) { return i; }));
    state.from = state.to = state.query = "";
    $("search").value = $("date-from").value = $("date-to").value = "";
    document.querySelectorAll("#controls .checks input[type=checkbox]").forEach(function (b) { b.checked = true; });
    refresh();
  });

  // ---- tooltip and details --------------------------------------------------------------------

  function kindText(n) {
    if (n.isEvent) {
      var q = T.quads[n.quad];
      return "Event · " + (q ? q.name : n.quad) + (n.code ? " · CAMEO " + n.code : "") +
        (n.status && n.status !== "asserted" ? " · " + n.status : "");
    }
    return n.kind + (n.subtype && n.subtype !== n.kind ? " · " + n.subtype : "");
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function names_(ids) {
    return (ids || []).map(function (id) { return byId.get(id).name; }).join(", ");
  }

  function who(n) {
    var r = n.roles || {};
    var text = "";
    if (r.source) text += names_(r.source);
    if (r.target) text += (text ? " → " : "→ ") + names_(r.target);
    return text;
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

  function nodeSummary(n) {
    var parts = [el("strong", n.name), el("span", kindText(n), "kind")];
    if (n.isEvent) {
      var line = [who(n), n.date ? (n.approximate ? "about " : "") + n.date : "",
        n.roles && n.roles.place ? "in " + names_(n.roles.place) : ""].filter(Boolean).join(" · ");
      if (line) parts.push(el("div", line));
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
      return [el("strong", a + " " + e.verb + " " + b),
        el("small", e.events.length + " event" + (e.events.length === 1 ? "" : "s") + " · click for the evidence")];
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

  function link(id) {
    var n = byId.get(id);
    var a = el("a", n.isEvent ? n.name + (n.date ? " (" + n.date + ")" : "") : n.name, "node-link");
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

  function showNode(n) {
    var parts = [el("h2", n.name, "name"), el("p", kindText(n), "kind")];
    var dl = el("dl");
    if (n.isEvent) {
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
      var evs = linksOf.get(n.id).filter(function (e) {
        return byId.get(e.from === n.id ? e.to : e.from).isEvent;
      });
      if (evs.length) {
        var list = el("ul");
        evs.forEach(function (e) {
          var li = el("li");
          li.appendChild(el("span", e.role + ": "));
          li.appendChild(link(e.from === n.id ? e.to : e.from));
          list.appendChild(li);
        });
        field(dl, "Takes part in", list);
      }
    }
    parts.push(dl);
    if (n.ev.length) {
      parts.push(el("h2", n.isEvent ? "Evidence" : "Mentions"));
      parts.push(evidence(n.ev, n.isEvent ? 10 : 5));
    }
    details.replaceChildren.apply(details, parts);
  }

  function showEdge(e) {
    var a = byId.get(e.from), b = byId.get(e.to);
    var parts = [el("h2", a.name + " " + (e.role === "actor" ? e.verb : "— " + e.label + " —") + " " + b.name, "name")];
    if (e.role === "actor") {
      parts.push(el("p", e.events.length + " event" + (e.events.length === 1 ? "" : "s"), "kind"));
      e.events.forEach(function (id) {
        var ev = byId.get(id);
        var head = el("p");
        head.appendChild(link(id));
        parts.push(head);
        parts.push(evidence(ev.ev, 3));
      });
    }
    details.replaceChildren.apply(details, parts);
  }

  function select(id, focus) {
    var n = byId.get(id);
    if (!n) return;
    if (!visibleNodes.has(id)) {
      // make it visible: clear the search rather than leave a hidden selection
      state.query = "";
      $("search").value = "";
      refresh();
    }
    if (visibleNodes.has(id)) {
      network.selectNodes([id]);
      if (focus) network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400 } });
    }
    showNode(n);
  }

  network.on("click", function (p) {
    tooltip.hidden = true;
    if (p.nodes.length) showNode(byId.get(p.nodes[0]));
    else if (p.edges.length) showEdge(edgeById.get(p.edges[0]));
  });

  showCounts();

  window.kg = {
    network: network,
    timings: timings,
    select: select,
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
        return { from: byId.get(e.from).name, to: byId.get(e.to).name, fromId: e.from, toId: e.to,
          label: e.label, role: e.role };
      });
    },
  };
})();
