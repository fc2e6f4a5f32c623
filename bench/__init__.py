"""Benchmarks of the `kg` pipeline: a synthetic minutes corpus with gold
(`bench.corpus`).
"""
