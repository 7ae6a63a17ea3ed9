"""The NinjaAPI: every router, and errors as JSON with a clear message (never a 500 for bad input)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer

from raad.core.redaction import mask_cpr

from . import community, consultations, councils, meetings, records, reports, statements, topics
from .common import ApiError
from .schemas import ErrorOut


def _masked(data):
    if isinstance(data, str):
        return mask_cpr(data)
    if isinstance(data, dict):
        return {key: _masked(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_masked(value) for value in data]
    return data


class PublicJSONRenderer(JSONRenderer):
    """JSON in UTF-8 (no escaped letters), and every text masked for CPR numbers on the way out (R30): a number an
    import wrote around the services is masked here as on the pages."""

    json_dumps_params = {"ensure_ascii": False}

    def render(self, request: HttpRequest, data, *, response_status: int):
        return super().render(request, _masked(data), response_status=response_status)


def _resolved(data):
    """`data` with every translatable text (a lazy string) turned into a string in the active language."""
    if isinstance(data, Promise):
        return str(data)
    if isinstance(data, dict):
        for key, value in data.items():
            data[key] = _resolved(value)
    elif isinstance(data, list):
        data[:] = [_resolved(value) for value in data]
    return data


ERROR = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}}


def _with_errors(document: dict) -> dict:
    """Every answer an operation can give besides its 200, each error with the shape `ErrorOut`: 304 to a
    conditional request (raad.api.middleware), 400 for a parameter that is wrong, unknown, repeated or a page
    past the last; 404 for what a path names that is not there or not public; 401 and 403 for the operations
    that need a key (the scope). The fuzz test checks that every status it gets is one of these."""
    document["components"]["schemas"]["ErrorOut"] = ErrorOut.model_json_schema()
    for path, operations in document["paths"].items():
        for operation in operations.values():
            answers = operation["responses"]
            answers[304] = {"description": gettext_lazy("Uændret siden If-None-Match eller If-Modified-Since")}
            answers[400] = {"description": gettext_lazy("En parameter er ugyldig, ukendt eller gentaget"), **ERROR}
            if "{" in path:
                answers[404] = {"description": gettext_lazy("Findes ikke, eller er ikke offentligt."), **ERROR}
            if operation.get("security"):
                answers[401] = {
                    "description": gettext_lazy("Ingen, en ukendt eller en tilbagekaldt API-nøgle"),
                    **ERROR,
                }
                answers[403] = {"description": gettext_lazy("API-nøglen giver ikke den adgang, der kræves"), **ERROR}
    return document


class RaadAPI(NinjaAPI):
    """The OpenAPI document in the active language (the client's Accept-Language on /api/, the page's on
    /aabne-data/): its summaries and descriptions are translatable, and resolved here to plain strings."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return _resolved(_with_errors(document))


api = RaadAPI(
    title="Råd – åbne data",
    version="1",
    description=gettext_lazy(
        "Adgang til at læse alt, hvad rådet offentliggør: møder og deres åbne dagsordenspunkter, offentliggjorte "
        "referater, høringer, høringssvar og udtalelser, medlemmernes offentlige oplysninger, arrangementer, "
        "foreninger, emner og årsberetninger. Feltnavnene følger projektets ordliste; teksterne er den danske udgave. Lister er "
        "opdelt i sider og sorteret efter en entydig nøgle; hvert svar har ETag og Last-Modified."
    ),
    urls_namespace="api",
    renderer=PublicJSONRenderer(),
    docs_url=None,
    openapi_url="/openapi.json",
)

for module in (councils, meetings, statements, consultations, community, topics, reports, records):
    api.add_router("", module.router)


@api.exception_handler(ApiError)
def api_error(request: HttpRequest, exc: ApiError):
    return api.create_response(request, {"error": exc.message}, status=exc.status)


def _where(loc) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body")]
    return ".".join(parts[:3]) or "?"


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError):
    """A parameter of the wrong type or out of range: 400 naming each parameter, without echoing the value."""
    problems = [
        {"parameter": _where(e.get("loc", ())), "message": str(e.get("msg", ""))[:200]} for e in exc.errors[:10]
    ]
    names = ", ".join(sorted({p["parameter"] for p in problems}))
    return api.create_response(
        request,
        {"error": _("Ugyldig værdi for: %(names)s.") % {"names": names}, "problems": problems},
        status=400,
    )


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError):
    return api.create_response(request, {"error": _("Kræver en API-nøgle: Authorization: Bearer raad_…")}, status=401)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError):
    return api.create_response(request, {"error": str(exc)}, status=exc.status_code)
