"""`pkus check`: the sentences of a text that contradict the pack, with the sourced fact.

Deterministic and offline: matching over the pack's own names, aliases, dates and the
patterns its corrections carry. `text` splits a document into sentences with their lines,
`index` builds what the rules look for once per pack, `rules` holds one function per kind
of error, and `check` runs them.
"""
