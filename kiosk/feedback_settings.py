"""Machine settings for "Rate a recent visit" (``[feedback]``)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class FeedbackSection(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    camera: Annotated[str, Field(max_length=200)] = ""
    """The camera that reads the QR code on a customer's ticket: empty for none (the
    number is typed), ``default`` for the system's default camera, else (part of) the
    device's name as the system lists it (e.g. "USB Camera")."""

    @property
    def camera_device(self) -> str:
        """The configured camera, trimmed; empty: none."""
        return self.camera.strip()
