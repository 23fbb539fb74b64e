"""Exam practice: grading a written answer against a model outline (`coverage`), and the
mock paper's multiple-choice part (`mcq`). Plain logic; the commands drive the screens."""
