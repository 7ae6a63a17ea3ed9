"""`/sundhed/`: the process answers. For load balancers and monitoring, and the floor the benchmarks compare every
page with (benchmarks/scale_bench.py): no template, no database, no session."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def health(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
