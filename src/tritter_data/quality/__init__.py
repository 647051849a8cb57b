"""Quality analysis: lexical structure per language -> findings -> a score in [0, 1]."""
