"""The learning app's models, one module per idea, re-exported here."""
