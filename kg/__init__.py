"""diplomacy-kg: German diplomacy news -> RDF knowledge graph."""

__version__ = "0.1.0"
