"""The graph page: RDF -> networkx (kg.viz.analysis) -> pyvis -> one HTML file that works offline.

The page is pyvis's network (nodes, edges and vis-network options) rendered through kg's own
template in ``kg/page/``: vis-network's JavaScript is inlined from the copy pyvis ships, so that the
page makes no request at all (pyvis's own "in_line" template still links Bootstrap from a CDN).
Every text that comes from the articles travels as JSON inside ``<script type="application/json">``
(``<`` ``>`` ``&`` escaped) and the page's script writes it with ``textContent``: a name or sentence
containing markup shows as text.

The layout is computed here with networkx, so that big graphs draw at once: each connected
component is laid out with Fruchterman-Reingold, large ones community by community (Louvain), and
the pieces are packed side by side.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Hashable
from importlib import resources
from pathlib import Path

import networkx as nx
from markupsafe import Markup
from rdflib import Graph

from kg.files import write_atomic
from kg.viz import analysis

PAGE_DIR = Path(__file__).resolve().parent / "assets"
VIS_JS = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")  # inside the pyvis package

KINDS = {  # node type -> (colour, vis shape)
    "Person": ("#3b6fb6", "dot"),
    "Organization": ("#8e5bb5", "square"),
    "Country": ("#1b9e8a", "diamond"),
    "Place": ("#9a7b4f", "triangle"),
    "Event": ("#6b6b6b", "box"),
}
QUAD_COLORS = {
    "VerbalCooperation": "#8fd18a",
    "MaterialCooperation": "#2f9e4f",
    "VerbalConflict": "#f5a04a",
    "MaterialConflict": "#d7301f",
    "Other": "#a3a3a3",
}
QUAD_TEXT = {"VerbalCooperation": "#10300f", "VerbalConflict": "#3d1f00", "Other": "#1f1f1f"}  # else white
COMMUNITY_COLORS = (
    "#e6194b",
    "#3cb44b",
    "#4363d8",
    "#f58231",
    "#911eb4",
    "#42d4f4",
    "#f032e6",
    "#9a6324",
    "#469990",
    "#800000",
    "#808000",
    "#000075",
    "#bfef45",
    "#fabed4",
)
NO_COMMUNITY = "#c8c8c8"
ROLE_STYLE = {  # edge role -> dashes
    "source": False,
    "target": False,
    "place": True,
    "claimed by": True,
    "member of": True,
    "post in": True,
}
BIG = 1500  # above this many nodes, straight edges and none drawn while dragging or zooming
SMALL = 250  # components up to this size are laid out in one piece
SPRING_MAX = 450  # networkx's spring layout wants scipy above 500 nodes
SPACING = 80.0  # mean edge length on the page before decluttering, in pixels
ACTOR_SPACING = 200.0  # the same in "who did what to whom", whose links carry labels
LINK_ROOM = 40.0  # room kept around an actor there for the labels of its links, in pixels
GAP = 12.0  # room left between boxes of nodes and between components
BUDGET = 300  # above this many linked nodes, the page opens on an overview of this many
ACTOR_FONT = 14  # label sizes in canvas pixels; the page opens at a zoom that shows them at 11 px or more
EVENT_FONT = 13


# --- layout --------------------------------------------------------------------------------------

Box = tuple[float, float]  # width and height of what a node draws (shape and label), in pixels
Positions = dict[Hashable, tuple[float, float]]


def _spring(graph: nx.Graph, seed: int, spacing: float = SPACING) -> Positions:
    """Fruchterman-Reingold on a small connected graph, scaled to ``spacing`` per edge."""
    nodes = list(graph)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    iterations = 80 if len(nodes) <= 100 else 50  # the cost grows with the square of the nodes
    pos = nx.spring_layout(graph, seed=seed, method="force", iterations=iterations, weight=None)
    lengths = [math.dist(pos[a], pos[b]) for a, b in graph.edges() if a != b]
    mean = sum(lengths) / len(lengths) if lengths else 1.0
    factor = spacing / (mean or 1.0)
    return {n: (float(x) * factor, float(y) * factor) for n, (x, y) in pos.items()}


def _declutter(pos: Positions, boxes: dict[Hashable, Box], rounds: int = 60) -> Positions:
    """Push apart nodes whose boxes overlap, along the axis where they overlap least."""
    import numpy as np

    nodes = list(pos)
    if len(nodes) < 2:
        return pos
    xy = np.array([pos[n] for n in nodes], dtype=float)
    wh = np.array([boxes.get(n, (30.0, 30.0)) for n in nodes], dtype=float) + GAP
    jitter = np.random.default_rng(0).uniform(-1, 1, size=(len(nodes), len(nodes)))
    tie = np.where(
        np.triu(jitter) - np.triu(jitter).T >= 0, 1.0, -1.0
    )  # antisymmetric sign for equal positions
    for _ in range(rounds):
        dx = xy[:, None, 0] - xy[None, :, 0]
        dy = xy[:, None, 1] - xy[None, :, 1]
        ox = (wh[:, None, 0] + wh[None, :, 0]) / 2 - np.abs(dx)
        oy = (wh[:, None, 1] + wh[None, :, 1]) / 2 - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        sx = np.where(dx != 0, np.sign(dx), tie)
        sy = np.where(dy != 0, np.sign(dy), tie)
        along_x = hit & (ox <= oy)
        along_y = hit & (ox > oy)
        xy[:, 0] += (np.where(along_x, sx * ox, 0.0)).sum(axis=1) * 0.25
        xy[:, 1] += (np.where(along_y, sy * oy, 0.0)).sum(axis=1) * 0.25
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy, strict=True)}


def _extent(pos: Positions, boxes: dict[Hashable, Box]) -> tuple[float, float, float, float]:
    """The rectangle (left, top, right, bottom) that holds every node's box."""
    left = min(x - boxes.get(n, (30.0, 30.0))[0] / 2 for n, (x, _) in pos.items())
    right = max(x + boxes.get(n, (30.0, 30.0))[0] / 2 for n, (x, _) in pos.items())
    top = min(y - boxes.get(n, (30.0, 30.0))[1] / 2 for n, (_, y) in pos.items())
    bottom = max(y + boxes.get(n, (30.0, 30.0))[1] / 2 for n, (_, y) in pos.items())
    return left, top, right, bottom


def _centred(pos: Positions, boxes: dict[Hashable, Box]) -> tuple[Positions, float, float]:
    """Positions moved so that their extent is centred on 0, with the extent's width and height."""
    left, top, right, bottom = _extent(pos, boxes)
    cx, cy = (left + right) / 2, (top + bottom) / 2
    return {n: (x - cx, y - cy) for n, (x, y) in pos.items()}, right - left, bottom - top


def _separate(centres: list[list[float]], radii: list[float], rounds: int = 200) -> None:
    """Push circles apart in place until none overlap (or rounds run out)."""
    for _ in range(rounds):
        moved = False
        for i in range(len(centres)):
            for j in range(i + 1, len(centres)):
                dx = centres[j][0] - centres[i][0]
                dy = centres[j][1] - centres[i][1]
                d = math.hypot(dx, dy)
                need = radii[i] + radii[j] + GAP
                if d < need:
                    push = (need - d) / 2
                    ux, uy = (dx / d, dy / d) if d > 1e-6 else (1.0, 0.0)
                    centres[i][0] -= ux * push
                    centres[i][1] -= uy * push
                    centres[j][0] += ux * push
                    centres[j][1] += uy * push
                    moved = True
        if not moved:
            return


def _connected(graph: nx.Graph, boxes: dict[Hashable, Box], seed: int, spacing: float = SPACING) -> Positions:
    """A connected graph: in one piece if small, else its Louvain communities placed like a graph."""
    if len(graph) <= SMALL:
        return _declutter(_spring(graph, seed, spacing), boxes)
    groups = [sorted(g, key=str) for g in nx.community.louvain_communities(graph, seed=seed)]
    if len(groups) == 1 and len(graph) <= SPRING_MAX:  # nothing to split on: a dense blob, laid out whole
        return _declutter(_spring(graph, seed, spacing), boxes)
    if len(groups) == 1:  # too big to lay out whole: pieces in breadth-first order from the hub
        hub = max(graph, key=lambda n: (graph.degree(n), str(n)))
        order = [hub] + [b for _, b in nx.bfs_edges(graph, hub)]
        groups = [sorted(order[i : i + SMALL], key=str) for i in range(0, len(order), SMALL)]
    groups.sort(key=lambda g: (-len(g), str(g[0])))
    parts = [_centred(layout(graph.subgraph(g), boxes, seed=seed, spacing=spacing), boxes) for g in groups]
    where = {n: i for i, g in enumerate(groups) for n in g}
    quotient = nx.Graph()
    quotient.add_nodes_from(range(len(groups)))
    for a, b in graph.edges():
        i, j = where[a], where[b]
        if i != j:
            w = quotient.get_edge_data(i, j, {"weight": 0})["weight"]
            quotient.add_edge(i, j, weight=w + 1)
    radii = [math.hypot(w, h) / 2 for _, w, h in parts]
    start = (
        nx.spring_layout(quotient, seed=seed, method="force", weight="weight")
        if len(groups) < 500
        else {i: (math.cos(i), math.sin(i)) for i in range(len(groups))}
    )
    spread = sum(radii) / math.sqrt(len(groups))
    centres = [[float(start[i][0]) * spread, float(start[i][1]) * spread] for i in range(len(groups))]
    _separate(centres, radii)
    return {
        n: (x + centres[i][0], y + centres[i][1])
        for i, (pos, _, _) in enumerate(parts)
        for n, (x, y) in pos.items()
    }


def layout(
    graph: nx.Graph,
    boxes: dict[Hashable, Box] | None = None,
    *,
    seed: int = analysis.DEFAULT_SEED,
    spacing: float = SPACING,
) -> Positions:
    """Page positions (pixels) for every node of an undirected graph, about ``spacing`` per edge.

    Each connected component is laid out on its own (Fruchterman-Reingold; large components
    community by community), nodes whose ``boxes`` overlap are pushed apart, and the components are
    packed in rows, largest first. Deterministic for a seed, and seconds rather than minutes on
    thousands of nodes (networkx's spring layout wants scipy above 500 nodes).
    """
    if len(graph) == 0:
        return {}
    boxes = boxes or {}
    comps = sorted(
        (sorted(c, key=str) for c in nx.connected_components(graph)), key=lambda c: (-len(c), str(c[0]))
    )
    pieces = [_centred(_connected(graph.subgraph(c), boxes, seed, spacing), boxes) for c in comps]
    area = sum((w + GAP) * (h + GAP) for _, w, h in pieces)
    width = max(pieces[0][1], math.sqrt(area) * 1.3)
    out: Positions = {}
    x = y = row = 0.0
    for pos, w, h in pieces:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row + GAP, 0.0
        for n, (px, py) in pos.items():
            out[n] = (round(px + x + w / 2, 1), round(py + y + h / 2, 1))
        x += w + GAP
        row = max(row, h)
    return out


def box(label: str, *, event: bool, size: float) -> Box:
    """About how much room a node takes on the page: its shape and its label."""
    lines = label.split("\n")
    if event:  # label inside a box at most 160 px wide, EVENT_FONT px text
        wraps = sum(max(1, math.ceil(len(line) * 7.2 / 148)) for line in lines)
        return min(160.0, max(len(line) for line in lines) * 7.2 + 14), wraps * 16.0 + 12
    return max(2 * size, max(len(line) for line in lines) * 7.8), 2 * size + 2 * 19.0


# --- the page ------------------------------------------------------------------------------------


def _size(value: float, top: float, *, low: float = 10.0, high: float = 42.0) -> float:
    return round(low + (high - low) * math.sqrt(value / top), 1) if top > 0 else low


def _color(fill: str) -> dict:
    """A vis-network colour object: the fill, with a darker border."""
    r, g, b = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    border = "#{:02x}{:02x}{:02x}".format(*(int(v * 0.7) for v in (r, g, b)))
    return {
        "background": fill,
        "border": border,
        "highlight": {"background": fill, "border": "#111111"},
        "hover": {"background": fill, "border": "#111111"},
    }


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def page_data(
    story: nx.MultiDiGraph, *, seed: int = analysis.DEFAULT_SEED, budget: int = BUDGET
) -> tuple[list[dict], list[dict], dict]:
    """vis-network nodes and edges (with kg's fields beside vis's) and the tables the page's script reads.

    Nodes that take part in nothing are marked ``linked: false`` (the page lists them apart). Above
    ``budget`` linked nodes, the most central actors and their events (``analysis.overview``) are
    marked ``core`` and get a layout of their own (``ox``, ``oy``): the page opens on them.
    """
    documents = story.graph.get("documents", {})
    doc_index = {iri: i for i, iri in enumerate(documents)}
    docs = [
        {"title": d["title"] or d["source"] or iri, "date": d["date"], "source": d["source"]}
        for iri, d in documents.items()
    ]
    sentences: list[list] = []
    sentence_index: dict[tuple[str, str | None], int] = {}

    def cite(evidence: list[dict]) -> list[int]:
        out = []
        for ev in evidence:
            key = (ev["text"], ev["doc"])
            if key not in sentence_index:
                sentence_index[key] = len(sentences)
                sentences.append([ev["text"], doc_index.get(ev["doc"], -1)])
            if sentence_index[key] not in out:
                out.append(sentence_index[key])
        return out

    actors = analysis.actor_network(story)
    score = analysis.centrality(actors)
    acts = analysis.activity(story)
    groups = analysis.communities(actors, seed=seed)
    community = analysis.community_of(story, groups)
    ids = {node: i for i, node in enumerate(story)}
    top_act = max(acts.values(), default=0)
    top_score = max(score.values(), default=0.0)
    labels = {n: d["label"] for n, d in story.nodes(data=True)}

    nodes = []
    for node, data in story.nodes(data=True):
        kind = data["kind"]
        item = {
            "id": ids[node],
            "kind": kind,
            "iri": node,
            "name": data["label"],
            "ev": cite(data["evidence"]),
            "community": community.get(node, -1),
            "linked": story.degree(node) > 0,
        }
        item["docs"] = sorted({sentences[i][1] for i in item["ev"] if sentences[i][1] >= 0})
        if kind == analysis.EVENT:
            r = analysis.roles(story, node)
            item.update(
                code=data["code"],
                root=data["root"] or "",
                quad=data["quad"],
                trigger=data["trigger"],
                verb=analysis.verb(data["code"]),
                date=data["date"],
                approximate=data["approximate"],
                status=data["status"],
                killed=data["killed"],
                injured=data["injured"],
                casualties=data["casualties"],
                participants=data["participants"],
                roles={role: [ids[n] for n in members] for role, members in r.items() if members},
            )
            label = _short(data["name"], 40) + (f"\n{data['date']}" if data["date"] else "")
            fill = QUAD_COLORS.get(data["quad"], QUAD_COLORS["Other"])
            item.update(
                label=label,
                color=_color(fill),
                margin=6,
                widthConstraint={"maximum": 160},
                font={"color": QUAD_TEXT.get(data["quad"], "#ffffff"), "size": EVENT_FONT, "strokeWidth": 0},
                shapeProperties={"borderDashes": [5, 4] if data["status"] != "asserted" else False},
            )
        else:
            item.update(
                aliases=data["aliases"],
                subtype=data["subtype"],
                sameAs=data["same_as"],
                posts=[
                    {"title": p["title"], "in": labels.get(p["in"]) if p["in"] else None}
                    for p in data["posts"]
                ],
                activity=acts.get(node, 0),
                centrality=round(score.get(node, 0.0), 4),
                sizes={
                    "activity": _size(acts.get(node, 0), top_act),
                    "centrality": _size(score.get(node, 0.0), top_score),
                },
            )
            item.update(
                label=_short(data["label"]), size=item["sizes"]["activity"], color=_color(KINDS[kind][0])
            )
        nodes.append(item)
    boxes = {
        n["iri"]: box(n["label"], event=n["kind"] == analysis.EVENT, size=n.get("size", 0)) for n in nodes
    }
    undirected = nx.Graph(story.to_undirected(as_view=True))
    by_iri = {n["iri"]: n for n in nodes}
    positions = layout(undirected, boxes, seed=seed)
    for item in nodes:
        item["x"], item["y"] = positions[item["iri"]]
    # "who did what to whom" has a layout of its own: actors joined by what they did, room for labels
    acting = nx.Graph()
    acting.add_edges_from((i.source, i.target) for i in analysis.interactions(story))
    acting.add_edges_from((a, b) for a, b, d in story.edges(data=True) if d["role"] in analysis.AFFILIATIONS)
    roomy = {n: (w + 2 * LINK_ROOM, h + LINK_ROOM) for n, (w, h) in boxes.items()}
    for iri, (x, y) in layout(acting, roomy, seed=seed, spacing=ACTOR_SPACING).items():
        by_iri[iri]["ax"], by_iri[iri]["ay"] = x, y
    is_overview = sum(1 for n in nodes if n["linked"]) > budget
    if is_overview:
        core = analysis.overview(story, budget, score=score, groups=groups)
        near = layout(undirected.subgraph(core), boxes, seed=seed)
        for item in nodes:
            if item["iri"] in near:
                item["core"] = True
                item["ox"], item["oy"] = near[item["iri"]]

    edges = []
    for a, b, data in story.edges(data=True):
        role = data["role"]
        edges.append(
            {
                "from": ids[a],
                "to": ids[b],
                "label": _short(data["label"], 32),
                "role": role,
                "view": "both" if role in analysis.AFFILIATIONS else "events",
                "dashes": ROLE_STYLE.get(role, False),
            }
        )
    root_names = analysis.root_names()
    bundles: dict[tuple[str, str], list[analysis.Interaction]] = defaultdict(list)
    for item in analysis.interactions(story):
        bundles[(item.source, item.target)].append(item)
    for (source, target), items in bundles.items():
        # one link from an actor to another, whatever they did: its kinds, each with its events
        # (the page writes "accused ×3" per kind, and counts again when filters leave events out)
        items.sort(key=lambda i: (-len(i.events), i.verb))
        edges.append(
            {
                "from": ids[source],
                "to": ids[target],
                "role": "actor",
                "view": "actors",
                "kinds": [{"verb": i.verb, "root": i.root or "", "events": [ids[e] for e in i.events]} for i in items],
                "events": [ids[e] for i in items for e in i.events],
                "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15},
            }
        )
    for i, edge in enumerate(edges):
        edge["id"] = i

    by_root, by_quad = analysis.counts(story)
    quads = analysis.quad_names()
    tables = {
        "docs": docs,
        "sentences": sentences,
        "kinds": {
            k: {"color": c, "shape": s, "count": sum(1 for n in nodes if n["kind"] == k)}
            for k, (c, s) in KINDS.items()
        },
        "quads": {
            q: {
                "name": name,
                "color": QUAD_COLORS[q],
                "text": QUAD_TEXT.get(q, "#ffffff"),
                "count": by_quad.get(q, 0),
            }
            for q, name in quads.items()
        },
        "roots": [
            {
                "code": code or "",
                "name": root_names.get(code, "kg's own event types") if code else "kg's own event types",
                "count": count,
                "quad": analysis.concept(code).quad if code else "Other",
            }
            for code, count in sorted(by_root.items(), key=lambda kv: kv[0] or "99")
        ],
        "communities": [
            {
                "size": len(g),
                "color": COMMUNITY_COLORS[i % len(COMMUNITY_COLORS)],
                "top": [labels[n] for n in g[:3]],
            }
            for i, g in enumerate(groups)
        ],
        "noCommunity": NO_COMMUNITY,
        "overview": is_overview,
        "budget": budget,
    }
    return nodes, edges, tables


def vis_options(node_count: int) -> dict:
    """vis-network options: no physics (the layout is precomputed), lighter drawing on big graphs."""
    big = node_count > BIG
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": analysis.DEFAULT_SEED},
        "nodes": {
            "font": {"size": ACTOR_FONT, "face": "system-ui,sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1.5,
            "scaling": {"label": {"enabled": False}},
        },
        "edges": {
            "font": {"size": 12, "align": "middle", "color": "#555555", "strokeWidth": 3},
            "color": {"color": "#9aa3ad", "highlight": "#333333", "hover": "#333333"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "scaling": {"min": 1, "max": 6, "label": {"enabled": False}},
        },
        "physics": {
            "enabled": False,
            "solver": "barnesHut",  # for the page's "keep the layout moving"
            "barnesHut": {"gravitationalConstant": -3000, "springLength": 120, "avoidOverlap": 0.3},
            "stabilization": {"enabled": False},
        },
        "interaction": {
            "hover": True,  # the page shows its own tooltip, written as text
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
    }


def _asset(name: str) -> str:
    text = (PAGE_DIR / name).read_text(encoding="utf-8")
    return _inline_code(text, name)


def _inline_code(text: str, name: str) -> str:
    """Code to put inside a <script> or <style> element, which must not contain its end tag."""
    lowered = text.lower()
    if "</script" in lowered or "</style" in lowered or "<!--" in lowered:
        raise ValueError(f"{name}: cannot be inlined: it contains an end tag or a comment opener")
    return text


def json_text(text: str) -> Markup:
    """A JSON text made safe inside a <script> element: ``<``, ``>`` and ``&`` escaped (so no "</script>"
    and no "<!--" can occur), as can only happen inside JSON strings."""
    return Markup(
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def script_json(value: object) -> Markup:
    """``value`` as JSON that is safe inside a <script> element."""
    return json_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def content_security_policy(*scripts: str) -> str:
    """Allow exactly these inline scripts and nothing from anywhere: no request can leave the page."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; base-uri 'none'; form-action 'none'"
    )


def render(
    graph: Graph, *, title: str | None = None, seed: int = analysis.DEFAULT_SEED, budget: int = BUDGET
) -> str:
    """The page of a kg graph as one HTML string; above ``budget`` linked nodes it opens on an overview."""
    from pyvis.network import Network

    story = analysis.story_graph(graph)
    nodes, edges, tables = page_data(story, seed=seed, budget=budget)
    docs = tables["docs"]
    heading = title or ("kg: " + docs[0]["title"] if len(docs) == 1 else f"kg: {len(docs)} documents")
    tables["title"] = heading

    net = Network(height="100%", width="100%", directed=True, heading=heading, cdn_resources="in_line")
    net.set_template_dir(str(PAGE_DIR), "page.html")
    for node in nodes:
        net.add_node(node.pop("id"), label=node.pop("label"), shape=KINDS[node["kind"]][1], **node)
    for edge in edges:
        net.add_edge(edge.pop("from"), edge.pop("to"), **edge)
    net.set_options(json.dumps(vis_options(len(nodes))))
    env = net.templateEnv
    env.autoescape = True  # the heading is article text
    env.filters["script_json"] = script_json
    env.filters["json_text"] = json_text
    vis_js = _inline_code(
        resources.files("pyvis").joinpath(*VIS_JS).read_text(encoding="utf-8"), "vis-network"
    )
    page_js = _asset("page.js")
    env.globals.update(
        vis_js=vis_js,
        page_js=page_js,
        page_css=_asset("page.css"),
        tables=tables,
        csp=content_security_policy(vis_js, page_js),
    )
    return net.generate_html(name="page.html")


def write_page(graph: Graph, path: str | Path, *, title: str | None = None, budget: int = BUDGET) -> None:
    """Write the interactive page of a kg graph: one HTML file that opens offline from file://."""
    write_atomic(path, render(graph, title=title, budget=budget))
