"""The content pack: its model, the YAML loader, the compiled cache and the quality checks."""
