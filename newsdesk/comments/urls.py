from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("<int:page_id>/", views.comment_list, name="list"),
    path("<int:page_id>/token/", views.comment_token, name="token"),
    path("<int:page_id>/write/", views.comment_write, name="write"),
    path("<int:page_id>/post/", views.comment_post, name="post"),
    path("report/", views.comment_report_view, name="report"),
]
