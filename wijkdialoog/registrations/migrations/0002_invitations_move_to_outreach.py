"""Invitation and EmailOptOut now belong to outreach (its 0001 takes them over with the same
tables). Only the state changes; the tables stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0001_initial"),
        ("outreach", "0001_invitations_from_registrations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Invitation"),
                migrations.DeleteModel(name="EmailOptOut"),
            ],
            database_operations=[],
        ),
    ]
