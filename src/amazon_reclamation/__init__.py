"""reclam: a complaint assistant for orders on amazon.com.be."""

__version__ = "0.1.0"
