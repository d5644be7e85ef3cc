"""The async client and services: hand-written. ``pywats/_sync/`` is generated from here."""
