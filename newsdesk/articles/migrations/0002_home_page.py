from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations


def home_page_create(apps, schema_editor):
    """Replace Wagtail's welcome page with our home page as the site root."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("articles.HomePage")

    welcome = Page.objects.filter(depth=2, slug="home", content_type__model="page").first()
    locale_id = welcome.locale_id if welcome else Locale.objects.first().pk
    if welcome:
        welcome.delete()
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="articles")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title=settings.WAGTAIL_SITE_NAME,
        draft_title=settings.WAGTAIL_SITE_NAME,
        slug="home",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=locale_id,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    # The site's public address (NEWSDESK_BASE_URL) makes canonical and feed URLs right.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": address.hostname or "localhost",
            "port": address.port or (443 if address.scheme == "https" else 80),
            "root_page": home,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(home_page_create, migrations.RunPython.noop)]
