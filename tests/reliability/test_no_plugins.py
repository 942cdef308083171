"""No pydantic plugin installed beside reclam is handed the records it validates."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PLUGIN = """
from pathlib import Path
import os

Path(os.environ["PLUGIN_MARKER"]).write_text("loaded")


class Plugin:
    def new_schema_validator(self, *args, **kwargs):
        Path(os.environ["PLUGIN_MARKER"]).write_text("validated")
        return None, None, None


plugin = Plugin()
"""


def _install_plugin(folder: Path) -> None:
    """A package registering a pydantic plugin, as an observability tool's does."""
    (folder / "spy_plugin.py").write_text(PLUGIN, encoding="utf-8")
    info = folder / "spy_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")


def test_a_pydantic_plugin_never_sees_a_record(tmp_path: Path) -> None:
    # Arrange
    site = tmp_path / "site"
    site.mkdir()
    _install_plugin(site)
    marker = tmp_path / "marker"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
        "PLUGIN_MARKER": str(marker),
        "RECLAM_HOME": str(tmp_path / "home"),
        "RECLAM_TODAY": "2026-11-20",
    }
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    validate = "from pydantic import TypeAdapter; TypeAdapter(int).validate_python(1)"

    # Act: pydantic alone loads the plugin; reclam saving and reading a record does not
    alone = subprocess.run([sys.executable, "-c", validate], env=env, check=False)
    loaded_alone = marker.exists()
    marker.unlink(missing_ok=True)
    new = subprocess.run(
        [sys.executable, "-m", "amazon_reclamation", "new", "--category", "late", "--order",
         "123-1234567-1234567", "--order-date", "01/11/2026", "--yes"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    shown = subprocess.run(
        [sys.executable, "-m", "amazon_reclamation", "show", "123-1234567-1234567"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip

    # Assert
    assert alone.returncode == 0
    assert loaded_alone  # the plugin is seen by pydantic: the test can fail
    assert new.returncode == 0, new.stderr
    assert shown.returncode == 0, shown.stderr
    assert not marker.exists()
