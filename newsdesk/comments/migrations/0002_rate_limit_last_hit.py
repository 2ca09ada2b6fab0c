from django.db import migrations, models


def last_hit_fill(apps, schema_editor):
    """Rows from before the field keep their newest hit, so pruning spares live windows."""
    RateLimit = apps.get_model("comments", "RateLimit")
    for row in RateLimit.objects.iterator():
        row.last_hit = max(row.hits, default=0)
        row.save(update_fields=["last_hit"])


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="ratelimit",
            name="last_hit",
            field=models.FloatField(db_index=True, default=0),
        ),
        migrations.RunPython(last_hit_fill, migrations.RunPython.noop),
    ]
