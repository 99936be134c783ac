"""The reporting app's models, one module per idea, re-exported here."""

from .population import Population

__all__ = ["Population"]
