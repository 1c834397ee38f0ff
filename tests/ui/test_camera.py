"""The Qt Multimedia camera adapter, as far as a machine without a camera can take it:
a camera that is not there is reported through ``on_error``, never raised. Reading
real frames needs a camera and is not exercised here."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

#: Qt Multimedia probing optional libraries a headless machine lacks.
MULTIMEDIA_PROBES = (
    r"^Couldn't (load|resolve) (pipewire-0\.3|va|va-drm|va-x11|va\(in plugin\)) (library|symbols)$",
    r"^PulseAudioService: pa_context_connect\(\) failed$",
)


@pytest.mark.qt_log_ignore(*MULTIMEDIA_PROBES)
@pytest.mark.parametrize("device", ["a camera this kiosk does not have", "default"])
def test_a_missing_camera_is_reported_once(qtbot: QtBot, device: str) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    from ui.common.camera import CameraFrames, find_camera

    if find_camera(device) is not None:
        pytest.skip("this machine has such a camera")
    assert device != "default" or not QMediaDevices.videoInputs()
    camera = CameraFrames(device)
    errors: list[str] = []
    camera.start(lambda _frame: pytest.fail("no frame can come"), errors.append)
    assert errors == [f"no camera {device!r}"]
    camera.stop()  # stopping again is harmless
    camera.start(lambda _frame: None, errors.append)
    assert len(errors) == 2
