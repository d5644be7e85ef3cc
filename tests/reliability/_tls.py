"""A private CA and a server certificate for 127.0.0.1, made on the spot for TLS tests.

Made with the ``cryptography`` package when it is installed, else with the ``openssl``
command; :func:`make_certificates` returns None when neither is available (the caller skips).
:class:`TlsEmulator` serves the emulator over HTTPS with such a certificate. Shared by the
reliability suite and the SDK's TLS tests (tests/integration/sdk/test_tls.py).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import threading
import time
from pathlib import Path

import attrs

__all__ = ["Certificates", "TlsEmulator", "make_certificates"]


@attrs.frozen
class Certificates:
    ca: Path
    """The CA certificate (PEM): the bundle a client must trust."""
    cert: Path
    """The server's certificate for 127.0.0.1 and localhost, signed by the CA (PEM)."""
    key: Path
    """The server's private key (PEM, unencrypted)."""
    maker: str
    """What made them: ``cryptography`` or ``openssl``."""


def make_certificates(folder: Path) -> Certificates | None:
    """Create a CA and a server certificate in ``folder`` (None: no tool to make them)."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        import cryptography  # noqa: F401
    except ImportError:
        if shutil.which("openssl") is None:
            return None
        return _with_openssl(folder)
    return _with_cryptography(folder)


def _with_cryptography(folder: Path) -> Certificates:
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "pywats reliability test CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = Certificates(folder / "ca.pem", folder / "server.pem", folder / "server.key", "")
    paths.ca.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    paths.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return attrs.evolve(paths, maker="cryptography")


def _with_openssl(folder: Path) -> Certificates:
    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True, timeout=60)

    (folder / "server.ext").write_text(
        "basicConstraints=critical,CA:FALSE\n"
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
        "extendedKeyUsage=serverAuth\n",
        encoding="utf-8",
    )
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ca.key")
    openssl(
        "req", "-x509", "-new", "-key", "ca.key", "-sha256", "-days", "1",
        "-subj", "/CN=pywats reliability test CA",
        "-addext", "basicConstraints=critical,CA:TRUE,pathlen:0",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign,digitalSignature",
        "-out", "ca.pem",
    )  # fmt: skip
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "server.key")
    openssl("req", "-new", "-key", "server.key", "-subj", "/CN=127.0.0.1", "-out", "server.csr")
    openssl(
        "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "1", "-sha256", "-extfile", "server.ext",
        "-out", "server.pem",
    )  # fmt: skip
    return Certificates(folder / "ca.pem", folder / "server.pem", folder / "server.key", "openssl")


class TlsEmulator:
    """The emulator's app behind uvicorn with TLS, on 127.0.0.1 and a free port, in a thread."""

    def __init__(self, certs: Certificates, *, start_timeout: float = 15.0) -> None:
        import uvicorn

        from pywats.testing import create_app, new_token

        self.token = new_token()
        config = uvicorn.Config(
            create_app(db=":memory:", tokens=[self.token]),
            host="127.0.0.1",
            port=0,
            ssl_certfile=str(certs.cert),
            ssl_keyfile=str(certs.key),
            log_level="critical",
            lifespan="on",
            timeout_graceful_shutdown=1,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + start_timeout
        while not self.server.started and self.thread.is_alive():
            if time.monotonic() > deadline:
                self.close()
                raise AssertionError(f"the TLS server did not start in {start_timeout:g} s")
            time.sleep(0.02)
        assert self.server.started, "the TLS server stopped while starting"
        sock = self.server.servers[0].sockets[0]
        self.host, self.port = sock.getsockname()[:2]
        self.url = f"https://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(5)
        if self.thread.is_alive():
            self.server.force_exit = True
            self.thread.join(5)
