"""OParl 1.1 at /oparl/: the System object and everything reachable from it."""

urlpatterns: list = []
