"""The reporting app's models, one module per idea, re-exported here."""

from .newsletter import NewsletterRecipient, NewsletterSending
from .population import Population
from .reports import REPORT_TEXT_FIELDS, REPORT_TEXTS, Report

__all__ = [
    "NewsletterRecipient",
    "NewsletterSending",
    "Population",
    "REPORT_TEXTS",
    "REPORT_TEXT_FIELDS",
    "Report",
]
