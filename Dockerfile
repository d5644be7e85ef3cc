# A pywats station in a container: `wats watch --plain` as a non-root user.
#
#   docker build -t pywats-station .
#   docker compose -f examples/container/compose.yaml up -d
#
# Configuration: PYWATS_SERVER_URL and PYWATS_API_TOKEN (or a token file stored with
# `docker compose run --rm -T station login --for-service < token.txt`), and the instance file
# /var/lib/pywats/config/instances/station.toml (a default is put in the volume on first run:
# it watches /data/in). Volumes: /var/lib/pywats (config, token, queue, log) and /data (the
# watched folders with their Done and Error folders). See docs/deploy.md.

ARG PYTHON=python:3.11-slim-bookworm

FROM ${PYTHON} AS wheel
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY pywats ./pywats
COPY generated ./generated
COPY cli ./cli
RUN python -m pip wheel --no-cache-dir --no-deps --wheel-dir /dist .

FROM ${PYTHON}
ENV PYWATS_HOME=/var/lib/pywats \
    PYWATS_INSTANCE_ID=station \
    PYWATS_KEYRING=0 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/pywats/bin:$PATH
RUN groupadd --system --gid 10001 pywats \
 && useradd --system --uid 10001 --gid pywats --home-dir /var/lib/pywats --no-create-home \
        --shell /usr/sbin/nologin pywats
COPY --from=wheel /dist/ /tmp/dist/
RUN python -m venv /opt/pywats \
 && /opt/pywats/bin/pip install --no-cache-dir /tmp/dist/pywats-*.whl \
 && rm -rf /tmp/dist
COPY examples/container/station.toml /var/lib/pywats/config/instances/station.toml
RUN mkdir -p /var/lib/pywats/data /var/lib/pywats/log /data/in \
 && chown -R pywats:pywats /var/lib/pywats /data \
 && chmod 0700 /var/lib/pywats /var/lib/pywats/config /var/lib/pywats/config/instances \
 && chmod 0600 /var/lib/pywats/config/instances/station.toml
USER pywats
WORKDIR /var/lib/pywats
VOLUME ["/var/lib/pywats", "/data"]
# Healthy = the station runs and its /health answers (the URL is in its service.json).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["wats", "service", "status", "-o", "json"]
# SIGTERM (docker stop) takes the graceful path; give it 2 x shutdown_timeout + 15 s:
#   docker stop -t 35, or stop_grace_period in compose.
STOPSIGNAL SIGTERM
ENTRYPOINT ["wats"]
CMD ["watch", "--plain"]
