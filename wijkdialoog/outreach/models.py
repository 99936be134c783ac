"""Invitation lists: addresses imported for a channel, and who asked for no more invitation mail.

The tables keep the names they had in registrations (the models moved here without copying data).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Organisation, Person
from wijkdialoog.core.models import OwnedQuerySet, TimeStampedModel, owned_through
from wijkdialoog.registrations.models import Channel, new_token


class EmailOptOut(TimeStampedModel):
    """Someone who asked not to receive invitation emails from this organisation again."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="email_opt_outs"
    )
    email = models.EmailField(_("email address"))

    objects = OwnedQuerySet.as_manager()

    class Meta:
        db_table = "registrations_emailoptout"
        verbose_name = _("email opt-out")
        verbose_name_plural = _("email opt-outs")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"], name="opt_out_unique_email_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.email


class Invitation(TimeStampedModel):
    """One invitation email to an address from an imported list, sent through a channel."""

    channel = models.ForeignKey(
        Channel, verbose_name=_("channel"), on_delete=models.CASCADE, related_name="invitations"
    )
    first_name = models.CharField(_("first name"), max_length=80, blank=True)
    email = models.EmailField(_("email address"))
    language = models.CharField(
        _("language"), max_length=5, choices=Person.Language, default=Person.Language.DUTCH
    )
    opt_out_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("channel__series__organisation").as_manager()

    class Meta:
        db_table = "registrations_invitation"
        ordering = ["channel", "email"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "email"], name="invitation_once_per_address_per_channel"
            )
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def organisation_id(self) -> int:
        return self.channel.series.organisation_id
