"""kg serve: the SPARQL 1.1 Protocol over a store, with worker processes and an offline query page."""
