"""The quiz: questions from content, their selection, grading, and the study loop."""
