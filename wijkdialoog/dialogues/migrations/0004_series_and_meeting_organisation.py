import django.db.models.deletion
from django.db import migrations, models


def fill_organisation(apps, schema_editor):
    """Copy the owner down: a series from its neighbourhood, a meeting from its series."""
    Series = apps.get_model("dialogues", "Series")
    Meeting = apps.get_model("dialogues", "Meeting")
    for series in Series.objects.select_related("neighbourhood"):
        series.organisation_id = series.neighbourhood.organisation_id
        series.save(update_fields=["organisation"])
        Meeting.objects.filter(series=series).update(organisation_id=series.organisation_id)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_organisation_contact_email"),
        ("dialogues", "0003_english_public_texts"),
    ]

    operations = [
        migrations.AddField(
            model_name="series",
            name="organisation",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="series",
                to="community.organisation",
                verbose_name="organisation",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="organisation",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="meetings",
                to="community.organisation",
                verbose_name="organisation",
            ),
        ),
        # The fields go away again when migrating back, so the reverse step has nothing to do.
        migrations.RunPython(fill_organisation, migrations.RunPython.noop),
    ]
