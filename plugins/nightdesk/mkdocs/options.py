"""Config option types shared by the nightdesk plugins."""
from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.base import ValidationError
from mkdocs.config.config_options import Type

from nightdesk.core.offline_zip import check_zip_name
from nightdesk.core.safe import UnsafeURL, check_url


class SafeURL(Type):
    """A link readers may follow (or the browser may send to): https, http, mailto, tel or relative.
    Anything else (`javascript:`, `data:`) fails the build; MkDocs names the plugin and the option."""

    def __init__(self, *, schemes: tuple[str, ...] | None = None, **kwargs):
        super().__init__(str, **kwargs)
        self.schemes = schemes

    def run_validation(self, value):
        value = super().run_validation(value)
        try:
            text = check_url(value, "link")
        except UnsafeURL as error:
            raise ValidationError(str(error).removeprefix("link: ")) from None
        scheme = urlsplit(text).scheme.lower()
        if self.schemes and scheme and scheme not in self.schemes:
            raise ValidationError(f"'{text}' must be an {' or '.join(s + '://' for s in self.schemes)} address")
        return text


class ZipName(Type):
    """`true` (a name from site_name), `false` (no zip) or a plain file name ending in .zip."""

    def __init__(self, **kwargs):
        super().__init__((str, bool), **kwargs)

    def run_validation(self, value):
        value = super().run_validation(value)
        if isinstance(value, str):
            try:
                return check_zip_name(value)
            except ValueError as error:
                raise ValidationError(str(error)) from None
        return value
