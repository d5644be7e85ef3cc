"""The client and its services, written once as async code (the sync twin is generated)."""
