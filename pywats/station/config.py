"""Station instance configuration: the service's sections of an instance's TOML file.

An *instance* is one named configuration (``wats -i NAME``); ``wats watch --instance NAME``
runs one station service for it with its own queue, log and lock, so several run side by side
on one machine without touching each other. Where things live::

    <config dir>/instances/<name>.toml      shared with the CLI (pywats.config); the
                                            service reads [server] and [station] and owns
                                            [queue], [upload], [intake], [service],
                                            [control], [[folders]]
    <data dir>/instances/<name>/queue.sqlite3, service.lock, dropped/
    <log dir>/<name>.log                    rotating log

``<config dir>``, ``<data dir>`` and ``<log dir>`` are platformdirs' user directories for
"pywats", or ``$PYWATS_HOME/config``, ``$PYWATS_HOME/data`` and ``$PYWATS_HOME/log`` when
``PYWATS_HOME`` is set (tests, portable installs). Precedence: command-line flag >
environment variable (``PYWATS_SERVER_URL``, ``PYWATS_API_TOKEN``) > instance file > default.
The token never lives in the instance file: ``PYWATS_API_TOKEN``, else what ``wats login``
stored (OS keyring or a 0600 file, see ``pywats.credentials``).

Example::

    [server]
    url = "https://acme.wats.com"
    verify = true                 # false, or the path of a CA bundle (PEM) to trust

    [station]
    name = "ICT-01"
    location = "Line 2"
    purpose = "Production"

    [upload]
    concurrency = 4

    [[folders]]
    path = "/data/ict/results"
    patterns = ["*.json"]
    converter = "wsjf"
    post_action = "move"          # move | delete | zip | keep
    [folders.parameters]
    operator = "station"

The settings are values (:mod:`pywats.station._config_model`); reading and writing the file is
:mod:`pywats.station._config_file`. Both are imported from here.
"""

from __future__ import annotations

from pywats.config import ConfigError
from pywats.station._config_file import (
    config_from_mapping,
    config_to_mapping,
    load_config,
    read_token,
    settable_keys,
    write_config,
)
from pywats.station._config_model import (
    ENV_HOME,
    OBSERVERS,
    POST_ACTIONS,
    FolderConfig,
    InstancePaths,
    StationConfig,
    data_dir,
    instance_paths,
    log_dir,
)

__all__ = [
    "ENV_HOME",
    "OBSERVERS",
    "POST_ACTIONS",
    "ConfigError",
    "FolderConfig",
    "InstancePaths",
    "StationConfig",
    "config_from_mapping",
    "config_to_mapping",
    "data_dir",
    "instance_paths",
    "load_config",
    "log_dir",
    "read_token",
    "settable_keys",
    "write_config",
]
