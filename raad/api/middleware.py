"""CORS and conditional answers for /api/: any site may read the open data (GET, HEAD and the OPTIONS
preflight), and every answer carries an ETag so a client asking again gets a 304 when nothing changed."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import parse_http_date_safe

PREFIX = "/api/"

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified",
    "Access-Control-Max-Age": "86400",
}


class ApiMiddleware:
    """Sits before `core.middleware.AllowedMethodsMiddleware`, which refuses OPTIONS everywhere else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        else:
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and response.status_code == 200 and not response.streaming:
                if not response.has_header("ETag"):
                    set_response_etag(response)
                last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
                response = get_conditional_response(
                    request, etag=response["ETag"], last_modified=last_modified, response=response
                )
        if request.method in ("GET", "HEAD", "OPTIONS"):
            for name, value in CORS_HEADERS.items():
                response[name] = value
        return response
