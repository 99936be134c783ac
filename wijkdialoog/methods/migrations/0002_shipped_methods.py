"""Loads the methods that come with Wijkdialoog from methods/data/, so every install has them."""

from django.db import migrations


def load(apps, schema_editor):
    from wijkdialoog.methods.shipped import sync_shipped_methods

    sync_shipped_methods(apps.get_model("methods", "Method"), apps.get_model("methods", "Phase"))


def unload(apps, schema_editor):
    from wijkdialoog.methods.shipped import remove_shipped_methods

    remove_shipped_methods(apps.get_model("methods", "Method"), apps.get_model("methods", "Phase"))


class Migration(migrations.Migration):
    dependencies = [("methods", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
