"""Invitation and EmailOptOut come over from registrations, keeping their tables: only Django's
picture of the models changes (state), the database is left as it is, so no data is copied."""

import django.db.models.deletion
import wijkdialoog.registrations.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("community", "0001_initial"),
        ("registrations", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EmailOptOut",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created at"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated at"),
                        ),
                        ("email", models.EmailField(max_length=254, verbose_name="email address")),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="email_opt_outs",
                                to="community.organisation",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "registrations_emailoptout",
                        "verbose_name": "email opt-out",
                        "verbose_name_plural": "email opt-outs",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("organisation", "email"),
                                name="opt_out_unique_email_per_organisation",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Invitation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created at"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated at"),
                        ),
                        (
                            "first_name",
                            models.CharField(blank=True, max_length=80, verbose_name="first name"),
                        ),
                        ("email", models.EmailField(max_length=254, verbose_name="email address")),
                        (
                            "language",
                            models.CharField(
                                choices=[("nl", "Nederlands"), ("en", "English")],
                                default="nl",
                                max_length=5,
                                verbose_name="language",
                            ),
                        ),
                        (
                            "opt_out_token",
                            models.CharField(
                                default=wijkdialoog.registrations.models.new_token,
                                editable=False,
                                max_length=64,
                                unique=True,
                            ),
                        ),
                        (
                            "sent_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="sent at"),
                        ),
                        (
                            "channel",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="invitations",
                                to="registrations.channel",
                                verbose_name="channel",
                            ),
                        ),
                        (
                            "imported_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "registrations_invitation",
                        "verbose_name": "invitation",
                        "verbose_name_plural": "invitations",
                        "ordering": ["channel", "email"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("channel", "email"),
                                name="invitation_once_per_address_per_channel",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
