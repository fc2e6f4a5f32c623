"""Pictures of the graph: an interactive page, static charts and network measures.

Stage: store → pictures (the last stage; nothing imports it). `kg.viz.data` reads
meetings out of a store with the saved `queries/viz-*.rq`; `kg.viz.model` turns them
into nodes and edges; `kg.viz.html` writes the offline page of `kg viz`, `kg.viz.plot`
the SVG/PNG charts of `kg plot`, and `kg.viz.network` the networkx projections of
`kg network`.
"""
