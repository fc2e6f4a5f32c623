"""kg: a knowledge graph of police governance in England and Wales, from minutes."""

__version__ = "0.1.0"
