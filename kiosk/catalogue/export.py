"""Catalogue to YAML (the import/export format), preserving everything the loader reads."""

from __future__ import annotations

from typing import Any

import yaml

from kiosk.catalogue.model import Catalogue


def catalogue_to_data(catalogue: Catalogue) -> dict[str, Any]:
    """Plain data in the files' shape; defaults are left out so the files stay short."""
    data: dict[str, Any] = catalogue.model_dump(
        mode="json", exclude_none=True, exclude_defaults=True
    )
    # required list fields without defaults are kept by exclude_defaults; the start is too
    data["questionnaire"]["start"] = catalogue.questionnaire.start
    return data


def catalogue_to_yaml(catalogue: Catalogue) -> str:
    return yaml.safe_dump(
        catalogue_to_data(catalogue), allow_unicode=True, sort_keys=False, width=100
    )
