"""Human labels for the audit actions of the learning app (core.models.describe_action)."""
