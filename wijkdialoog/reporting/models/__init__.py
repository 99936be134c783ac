"""The reporting app's models, one module per idea, re-exported here."""

from .newsletter import NewsletterRecipient as NewsletterRecipient
from .newsletter import NewsletterSending as NewsletterSending
