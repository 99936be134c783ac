"""The reporting app's models, one module per idea, re-exported here."""
