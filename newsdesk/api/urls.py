from wagtail.api.v2.router import WagtailAPIRouter

from .views import (
    AuthorsEndpoint,
    PopularNowEndpoint,
    SectionsEndpoint,
    StoriesEndpoint,
    WeeklyBestEndpoint,
)

router = WagtailAPIRouter("api")
# Stories first: a story's detail_url is taken from the first endpoint serving its model.
router.register_endpoint("stories", StoriesEndpoint)
router.register_endpoint("sections", SectionsEndpoint)
router.register_endpoint("authors", AuthorsEndpoint)
router.register_endpoint("popular-now", PopularNowEndpoint)
router.register_endpoint("weekly-best", WeeklyBestEndpoint)

urlpatterns = router.get_urlpatterns()
app_name = router.url_namespace
