from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import RelatedPins
from .services import related_mark_pending


class RelatedPinsViewSet(SnippetViewSet):
    model = RelatedPins
    icon = "pick"
    menu_label = "Related-story pins"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["story"]


register_snippet(RelatedPinsViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def related_pins_changed(request, instances):
    # after_delete passes a list; the others pass the one instance.
    pins = instances if isinstance(instances, list) else [instances]
    story_ids = [p.story_id for p in pins if isinstance(p, RelatedPins)]
    if story_ids:
        related_mark_pending(story_ids=story_ids)
