from django.urls import path

from . import views

app_name = "analytics"

urlpatterns = [
    path("analytics/read/", views.read_beacon, name="read"),
    path("analytics/views/<int:article_id>/", views.views_count, name="views"),
]
