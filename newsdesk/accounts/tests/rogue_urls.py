"""The site's URLs plus one csrf_exempt view that takes writes, to prove the CSRF walk sees it."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from config.urls import urlpatterns as site_urlpatterns


@csrf_exempt
def rogue_view(request, pk: int):
    return HttpResponse("changed something")


urlpatterns = [path("rogue/<int:pk>/", rogue_view), *site_urlpatterns]
