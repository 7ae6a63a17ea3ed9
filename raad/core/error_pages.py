"""Error pages in the site's look. They show nothing from the request beyond the path."""

from django.shortcuts import render


def forbidden(request, exception=None):
    return render(request, "core/errors/403.html", status=403)


def not_found(request, exception=None):
    return render(request, "core/errors/404.html", status=404)


def server_error(request):
    return render(request, "core/errors/500.html", status=500)
