"""Every row that a membership service may write, to show a refused operation changed nothing."""

from django.apps import apps

from raad.core.models import AuditEntry
from raad.councils.models import BoardDecision


def db_snapshot() -> dict[str, list[dict]]:
    models = list(apps.get_app_config("membership").get_models()) + [BoardDecision, AuditEntry]
    return {model._meta.label: sorted(map(repr, model.objects.order_by("pk").values())) for model in models}
