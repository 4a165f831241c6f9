"""The public read-only API: Wagtail API v2 pages, per language, public fields only."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

# Only pages: the image and document endpoints would list files of private
# collections, so they are deliberately not exposed.
api_router = WagtailAPIRouter("public_api")
api_router.register_endpoint("pages", PagesAPIViewSet)
