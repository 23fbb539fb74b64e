"""Rich renderables for each view; these modules build, they never print."""
