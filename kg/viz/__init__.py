"""The graph as networkx (centrality, communities) and as one offline HTML page."""
