"""Benchmark decontamination: the benchmark problems and the n-gram index that finds them."""
