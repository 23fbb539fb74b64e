"""Quiz progress: the SQLite store, the FSRS scheduler and the statistics drawn from them."""
