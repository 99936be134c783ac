"""Whether an organisation shares its published reports and stories in "Wijkdialogen in
beweging", the public collection neighbourhoods learn from. Off until an organiser chooses it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Organisation
from wijkdialoog.core.models import TimeStampedModel, owned_through


class CollectionSharing(TimeStampedModel):
    """One organisation's choice; an organisation without a row does not share."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="collection_sharing",
    )
    shares = models.BooleanField(
        _("shares its published reports and stories with other neighbourhoods"), default=False
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"), null=True, blank=True)

    objects = owned_through("organisation").as_manager()

    class Meta:
        verbose_name = _("sharing with other neighbourhoods")
        verbose_name_plural = _("sharing with other neighbourhoods")

    def __str__(self) -> str:
        return str(self.organisation)
