"""Plain data for every screen: the resolver and filter, subjects, pages, search, JSON."""
