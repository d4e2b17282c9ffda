"""kg export: a graph for Gephi, Cytoscape and networkx."""

from __future__ import annotations

import argparse

from kg.commands._store import add_graph_or_store


def add_parser(sub) -> None:
    p = sub.add_parser(
        "export",
        help="write a graph as GraphML, GEXF or node-link JSON for Gephi, Cytoscape and networkx",
        description="Write the entities and events of a graph (or, with --actors, the actor network) as a "
        "network file; the extension of OUT picks the format: .graphml (Cytoscape, Gephi, yEd), "
        '.gexf (Gephi), .json (networkx node-link data: nx.node_link_graph(data, edges="edges")). '
        "Nodes carry their label, kind, community and centrality; events their CAMEO code and "
        "name, QuadClass, date, numbers and evidence sentences.",
        epilog="examples:\n  kg export graph.ttl -o graph.graphml\n"
        "  kg export -o actors.gexf --actors            the store kg-out/store",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_graph_or_store(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="a .graphml, .gexf or .json file")
    p.add_argument(
        "--actors",
        action="store_true",
        help="export the actor network (entities linked by what they did to each other) instead",
    )
    p.set_defaults(run=run)


def run(args) -> int:
    from pathlib import Path

    from kg.commands._store import read_union
    from kg.viz import analysis

    if Path(args.output).suffix.lower() not in analysis.EXPORT_FORMATS:
        raise ValueError(
            f"{args.output}: unknown export format; use one of {', '.join(analysis.EXPORT_FORMATS)}"
        )
    story = analysis.story_graph(read_union(args)[0])
    graph = analysis.export_graph(story, actors=args.actors)
    analysis.write_export(graph, args.output)
    print(f"wrote {args.output}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    return 0
