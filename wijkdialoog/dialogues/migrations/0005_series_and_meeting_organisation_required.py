from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    """Required once filled: apart from 0004, as PostgreSQL cannot alter a table in the
    transaction that updated its rows while foreign key checks are still pending."""

    dependencies = [("dialogues", "0004_series_and_meeting_organisation")]

    operations = [
        migrations.AlterField(
            model_name="series",
            name="organisation",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="series",
                to="community.organisation",
                verbose_name="organisation",
            ),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="organisation",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="meetings",
                to="community.organisation",
                verbose_name="organisation",
            ),
        ),
    ]
