"""The learning app's models, one module per idea, re-exported here."""

from .collection import CollectionSharing

__all__ = ["CollectionSharing"]
