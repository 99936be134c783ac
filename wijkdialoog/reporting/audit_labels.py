"""Human labels for the audit actions of the reporting app (core.models.describe_action)."""
