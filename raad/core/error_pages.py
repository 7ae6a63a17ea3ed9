"""Error pages in the site's look. They show nothing from the request beyond the path."""

import sys

from django.shortcuts import render


def forbidden(request, exception=None):
    return render(request, "core/errors/403.html", status=403)


def not_found(request, exception=None):
    return render(request, "core/errors/404.html", status=404)


def server_error(request):
    from raad.core.middleware import database_unavailable, is_database_unavailable

    # An error in a middleware (the session saved after the view) never reaches DatabaseUnavailableMiddleware's
    # process_exception; Django calls this handler while that exception is being handled.
    if is_database_unavailable(sys.exc_info()[1]):
        return database_unavailable(request)
    return render(request, "core/errors/500.html", status=500)
