"""ssl: TLS for sockets, as CPython's ssl module, over coil's native _ssl.

The native module holds OpenSSL's objects: the context (_SSLContext), the
TLS connection (_SSLSocket, over a socket's descriptor or two MemoryBIOs)
and the exceptions. This module adds what CPython's ssl.py adds on top: the
enums the constants belong to, SSLContext with its conveniences
(wrap_socket, wrap_bio, load_default_certs, enum-valued attributes),
create_default_context(), SSLObject (TLS over memory buffers, which
asyncio's SSL protocol drives) and SSLSocket (a socket.socket that speaks
TLS), and the certificate helpers.
"""

import os
import sys
from collections import namedtuple
from enum import Enum as _Enum, IntEnum as _IntEnum, IntFlag as _IntFlag

import _ssl

from _ssl import OPENSSL_VERSION_NUMBER, OPENSSL_VERSION_INFO, OPENSSL_VERSION
from _ssl import _SSLContext, MemoryBIO, SSLSession
from _ssl import (SSLError, SSLZeroReturnError, SSLWantReadError, SSLWantWriteError,
                  SSLSyscallError, SSLEOFError, SSLCertVerificationError)
from _ssl import txt2obj as _txt2obj, nid2obj as _nid2obj
from _ssl import RAND_status, RAND_add, RAND_bytes, RAND_pseudo_bytes
from _ssl import (HAS_SNI, HAS_ECDH, HAS_NPN, HAS_ALPN, HAS_SSLv2, HAS_SSLv3, HAS_TLSv1,
                  HAS_TLSv1_1, HAS_TLSv1_2, HAS_TLSv1_3)
from _ssl import _DEFAULT_CIPHERS, _OPENSSL_API_VERSION


def _convert(enum_type, name, prefix, exclude=()):
    """An enum of the _ssl constants named PREFIX..., its members also
    names of this module, as CPython's Enum._convert_ makes them: ordered
    by value, then name, so that the first name of a value is the member
    and the others its aliases."""
    members = sorted(((key, value) for key, value in vars(_ssl).items()
                      if key.startswith(prefix) and key not in exclude),
                     key=lambda item: (item[1], item[0]))
    enum = enum_type(name, members, module=__name__)
    globals().update(enum.__members__)
    return enum


_SSLMethod = _convert(_IntEnum, '_SSLMethod', 'PROTOCOL_', exclude=('PROTOCOL_SSLv23',))
Options = _convert(_IntFlag, 'Options', 'OP_')
AlertDescription = _convert(_IntEnum, 'AlertDescription', 'ALERT_DESCRIPTION_')
SSLErrorNumber = _convert(_IntEnum, 'SSLErrorNumber', 'SSL_ERROR_')
VerifyFlags = _convert(_IntFlag, 'VerifyFlags', 'VERIFY_')
VerifyMode = _convert(_IntEnum, 'VerifyMode', 'CERT_')

PROTOCOL_SSLv23 = _SSLMethod.PROTOCOL_SSLv23 = _SSLMethod.PROTOCOL_TLS
_PROTOCOL_NAMES = {value: name for name, value in _SSLMethod.__members__.items()}

_SSLv2_IF_EXISTS = getattr(_SSLMethod, 'PROTOCOL_SSLv2', None)


class TLSVersion(_IntEnum):
    MINIMUM_SUPPORTED = _ssl.PROTO_MINIMUM_SUPPORTED
    SSLv3 = _ssl.PROTO_SSLv3
    TLSv1 = _ssl.PROTO_TLSv1
    TLSv1_1 = _ssl.PROTO_TLSv1_1
    TLSv1_2 = _ssl.PROTO_TLSv1_2
    TLSv1_3 = _ssl.PROTO_TLSv1_3
    MAXIMUM_SUPPORTED = _ssl.PROTO_MAXIMUM_SUPPORTED


from socket import socket, SOCK_STREAM, create_connection
from socket import SOL_SOCKET, SO_TYPE, _GLOBAL_DEFAULT_TIMEOUT
import socket as _socket
import base64
import errno
import warnings


socket_error = OSError  # the old public name

CHANNEL_BINDING_TYPES = ['tls-unique']

HAS_NEVER_CHECK_COMMON_NAME = hasattr(_ssl, 'HOSTFLAG_NEVER_CHECK_SUBJECT')

_RESTRICTED_SERVER_CIPHERS = _DEFAULT_CIPHERS

CertificateError = SSLCertVerificationError


# --- Host names in IDNA form ----------------------------------------------------
#
# SSLContext sends host names as the `idna` codec encodes them (CPython's
# encodings.idna). coil has no such codec: ASCII names go through its
# checks exactly; the labels of other names are mapped as nameprep maps
# them (NFKC, case folded: _ssl._nameprep), without nameprep's checks for
# prohibited characters, before their Punycode form.

_ACE_PREFIX = 'xn--'


def _punycode(label):
    """RFC 3492's encoding of one label."""
    base, tmin, tmax, skew, damp = 36, 1, 26, 38, 700
    output = [c for c in label if ord(c) < 0x80]
    basic = len(output)
    handled = basic
    if basic:
        output.append('-')
    n, delta, bias = 0x80, 0, 72

    def adapt(delta, count, first):
        delta = delta // damp if first else delta // 2
        delta += delta // count
        k = 0
        while delta > ((base - tmin) * tmax) // 2:
            delta //= base - tmin
            k += base
        return k + (base - tmin + 1) * delta // (delta + skew)

    def digit(d):
        return chr(d + 22 + 75 * (d < 26))

    while handled < len(label):
        m = min(ord(c) for c in label if ord(c) >= n)
        delta += (m - n) * (handled + 1)
        n = m
        for c in label:
            if ord(c) < n:
                delta += 1
            elif ord(c) == n:
                q = delta
                k = base
                while True:
                    t = tmin if k <= bias else tmax if k >= bias + tmax else k - bias
                    if q < t:
                        break
                    output.append(digit(t + (q - t) % (base - t)))
                    q = (q - t) // (base - t)
                    k += base
                output.append(digit(q))
                bias = adapt(delta, handled + 1, handled == basic)
                delta = 0
                handled += 1
        delta += 1
        n += 1
    return ''.join(output)


def _idna_error(reason):
    return UnicodeError(f"encoding with 'idna' codec failed (UnicodeError: {reason})")


def _idna_encode(hostname):
    """hostname.encode('idna') as CPython's codec gives it, as str."""
    if not hostname:
        return ''
    if hostname.isascii():
        labels = hostname.split('.')
        for label in labels[:-1]:
            if not 0 < len(label) < 64:
                raise _idna_error('label empty or too long')
        if len(labels[-1]) >= 64:
            raise _idna_error('label too long')
        return hostname
    labels = hostname.replace('\u3002', '.').replace('\uff0e', '.').replace('\uff61', '.').split('.')
    trailing_dot = ''
    if labels and not labels[-1]:
        trailing_dot = '.'
        del labels[-1]
    encoded = []
    for label in labels:
        label = _ssl._nameprep(label)
        if not label.isascii():
            if label.startswith(_ACE_PREFIX):
                raise _idna_error('Label starts with ACE prefix')
            label = _ACE_PREFIX + _punycode(label)
        if not 0 < len(label) < 64:
            raise _idna_error('label empty or too long')
        encoded.append(label)
    return '.'.join(encoded) + trailing_dot


DefaultVerifyPaths = namedtuple("DefaultVerifyPaths",
                                "cafile capath openssl_cafile_env openssl_cafile openssl_capath_env "
                                "openssl_capath")


def get_default_verify_paths():
    """The default CA file and directory, as OpenSSL and the environment
    (SSL_CERT_FILE, SSL_CERT_DIR) give them; None for those missing."""
    parts = _ssl.get_default_verify_paths()
    cafile = os.environ.get(parts[0], parts[1])
    capath = os.environ.get(parts[2], parts[3])
    return DefaultVerifyPaths(cafile if os.path.isfile(cafile) else None,
                              capath if os.path.isdir(capath) else None,
                              *parts)


class _ASN1Object(namedtuple("_ASN1Object", "nid shortname longname oid")):
    """An ASN.1 object identifier, looked up in OpenSSL's table."""
    __slots__ = ()

    def __new__(cls, oid):
        return super().__new__(cls, *_txt2obj(oid, name=False))

    @classmethod
    def fromnid(cls, nid):
        """The object of an OpenSSL numeric id."""
        return super().__new__(cls, *_nid2obj(nid))

    @classmethod
    def fromname(cls, name):
        """The object of a short name, long name or OID."""
        return super().__new__(cls, *_txt2obj(name, name=True))


class Purpose(_ASN1Object, _Enum):
    """What a context is for: its extended key usage."""
    SERVER_AUTH = '1.3.6.1.5.5.7.3.1'
    CLIENT_AUTH = '1.3.6.1.5.5.7.3.2'


class SSLContext(_SSLContext):
    """The settings TLS connections are made with: protocol, certificates,
    verification, ciphers."""

    sslsocket_class = None  # SSLSocket, once defined
    sslobject_class = None  # SSLObject, once defined

    def __new__(cls, protocol=None, *args, **kwargs):
        if protocol is None:
            warnings.warn("ssl.SSLContext() without protocol argument is deprecated.",
                          category=DeprecationWarning, stacklevel=2)
            protocol = PROTOCOL_TLS
        return _SSLContext.__new__(cls, protocol)

    def _encode_hostname(self, hostname):
        if hostname is None:
            return None
        if isinstance(hostname, str):
            return _idna_encode(hostname)
        return hostname.decode('ascii')

    def wrap_socket(self, sock, server_side=False, do_handshake_on_connect=True,
                    suppress_ragged_eofs=True, server_hostname=None, session=None):
        """An SSLSocket over `sock`, which it takes over."""
        return self.sslsocket_class._create(
            sock=sock, server_side=server_side, do_handshake_on_connect=do_handshake_on_connect,
            suppress_ragged_eofs=suppress_ragged_eofs, server_hostname=server_hostname,
            context=self, session=session)

    def wrap_bio(self, incoming, outgoing, server_side=False, server_hostname=None, session=None):
        """An SSLObject reading from `incoming` and writing to `outgoing`."""
        return self.sslobject_class._create(
            incoming, outgoing, server_side=server_side,
            server_hostname=self._encode_hostname(server_hostname), session=session, context=self)

    def set_npn_protocols(self, npn_protocols):
        warnings.warn("ssl NPN is deprecated, use ALPN instead", DeprecationWarning, stacklevel=2)
        for protocol in npn_protocols:
            encoded = bytes(protocol, 'ascii')
            if len(encoded) == 0 or len(encoded) > 255:
                raise SSLError('NPN protocols must be 1 to 255 in length')
        # OpenSSL offers no NPN here (HAS_NPN is False): nothing to set.

    def set_servername_callback(self, server_name_callback):
        if server_name_callback is None:
            self.sni_callback = None
        else:
            if not callable(server_name_callback):
                raise TypeError("not a callable object")

            def shim(sslobj, servername, sslctx):
                return server_name_callback(sslobj, self._encode_hostname(servername), sslctx)

            self.sni_callback = shim

    def set_alpn_protocols(self, alpn_protocols):
        """The protocols to offer (a client) or accept (a server) through
        ALPN, in order of preference."""
        wire = bytearray()
        for protocol in alpn_protocols:
            encoded = bytes(protocol, 'ascii')
            if len(encoded) == 0 or len(encoded) > 255:
                raise SSLError('ALPN protocols must be 1 to 255 in length')
            wire.append(len(encoded))
            wire.extend(encoded)
        self._set_alpn_protocols(wire)

    def load_default_certs(self, purpose=Purpose.SERVER_AUTH):
        """The system's CA certificates."""
        if not isinstance(purpose, _ASN1Object):
            raise TypeError(purpose)
        self.set_default_verify_paths()

    @property
    def minimum_version(self):
        return TLSVersion(super().minimum_version)

    @minimum_version.setter
    def minimum_version(self, value):
        if value == TLSVersion.SSLv3:
            self.options &= ~Options.OP_NO_SSLv3
        super(SSLContext, SSLContext).minimum_version.__set__(self, value)

    @property
    def maximum_version(self):
        return TLSVersion(super().maximum_version)

    @maximum_version.setter
    def maximum_version(self, value):
        super(SSLContext, SSLContext).maximum_version.__set__(self, value)

    @property
    def options(self):
        return Options(super().options)

    @options.setter
    def options(self, value):
        super(SSLContext, SSLContext).options.__set__(self, value)

    @property
    def hostname_checks_common_name(self):
        flags = self._host_flags & _ssl.HOSTFLAG_NEVER_CHECK_SUBJECT
        return flags != _ssl.HOSTFLAG_NEVER_CHECK_SUBJECT

    @hostname_checks_common_name.setter
    def hostname_checks_common_name(self, value):
        if value:
            self._host_flags &= ~_ssl.HOSTFLAG_NEVER_CHECK_SUBJECT
        else:
            self._host_flags |= _ssl.HOSTFLAG_NEVER_CHECK_SUBJECT

    @property
    def protocol(self):
        return _SSLMethod(super().protocol)

    @property
    def verify_flags(self):
        return VerifyFlags(super().verify_flags)

    @verify_flags.setter
    def verify_flags(self, value):
        super(SSLContext, SSLContext).verify_flags.__set__(self, value)

    @property
    def verify_mode(self):
        value = super().verify_mode
        try:
            return VerifyMode(value)
        except ValueError:
            return value

    @verify_mode.setter
    def verify_mode(self, value):
        super(SSLContext, SSLContext).verify_mode.__set__(self, value)


def _check_purpose(purpose):
    if not isinstance(purpose, _ASN1Object):
        raise TypeError(purpose)


def _load_certificates(context, purpose, cafile, capath, cadata):
    if cafile or capath or cadata:
        context.load_verify_locations(cafile, capath, cadata)
    elif context.verify_mode != CERT_NONE:
        # No CA given but certificates are checked: the system's (which
        # may be missing; verification then fails).
        context.load_default_certs(purpose)


def create_default_context(purpose=Purpose.SERVER_AUTH, *, cafile=None, capath=None, cadata=None):
    """A context with secure defaults: for a client (SERVER_AUTH), one that
    verifies the server's certificate and host name; for a server
    (CLIENT_AUTH), one that verifies nothing until told to."""
    _check_purpose(purpose)
    if purpose == Purpose.SERVER_AUTH:
        context = SSLContext(PROTOCOL_TLS_CLIENT)
        context.verify_mode = CERT_REQUIRED
        context.check_hostname = True
    elif purpose == Purpose.CLIENT_AUTH:
        context = SSLContext(PROTOCOL_TLS_SERVER)
    else:
        raise ValueError(purpose)
    _load_certificates(context, purpose, cafile, capath, cadata)
    return context


def _create_unverified_context(protocol=None, *, cert_reqs=CERT_NONE, check_hostname=False,
                               purpose=Purpose.SERVER_AUTH, certfile=None, keyfile=None,
                               cafile=None, capath=None, cadata=None):
    """The context CPython's standard library uses by default: checks
    nothing unless asked to."""
    _check_purpose(purpose)
    if purpose == Purpose.SERVER_AUTH:
        if protocol is None:
            protocol = PROTOCOL_TLS_CLIENT
    elif purpose == Purpose.CLIENT_AUTH:
        if protocol is None:
            protocol = PROTOCOL_TLS_SERVER
    else:
        raise ValueError(purpose)
    context = SSLContext(protocol)
    context.check_hostname = check_hostname
    if cert_reqs is not None:
        context.verify_mode = cert_reqs
    if check_hostname:
        context.check_hostname = True
    if keyfile and not certfile:
        raise ValueError("certfile must be specified")
    if certfile or keyfile:
        context.load_cert_chain(certfile, keyfile)
    _load_certificates(context, purpose, cafile, capath, cadata)
    return context


_create_default_https_context = create_default_context
_create_stdlib_context = _create_unverified_context


class SSLObject:
    """A TLS connection over two memory buffers (MemoryBIO): what is to be
    sent appears in the outgoing one, what was received goes in the
    incoming one; no network I/O happens here. SSLContext.wrap_bio() makes
    them."""

    def __init__(self, *args, **kwargs):
        raise TypeError(
            f"{self.__class__.__name__} does not have a public "
            f"constructor. Instances are returned by SSLContext.wrap_bio().")

    @classmethod
    def _create(cls, incoming, outgoing, server_side=False, server_hostname=None, session=None,
                context=None):
        self = cls.__new__(cls)
        self._sslobj = context._wrap_bio(incoming, outgoing, server_side=server_side,
                                         server_hostname=server_hostname, owner=self,
                                         session=session)
        return self

    @property
    def context(self):
        """The SSLContext in use."""
        return self._sslobj.context

    @context.setter
    def context(self, ctx):
        self._sslobj.context = ctx

    @property
    def session(self):
        """The SSLSession of a client connection."""
        return self._sslobj.session

    @session.setter
    def session(self, session):
        self._sslobj.session = session

    @property
    def session_reused(self):
        """Whether the client resumed a session in the handshake."""
        return self._sslobj.session_reused

    @property
    def server_side(self):
        """Whether this is the server's end."""
        return self._sslobj.server_side

    @property
    def server_hostname(self):
        """The server's host name (for SNI), or None."""
        return self._sslobj.server_hostname

    def read(self, len=1024, buffer=None):
        """Up to `len` bytes of data; with `buffer`, read into it and
        return the count."""
        if buffer is not None:
            return self._sslobj.read(len, buffer)
        return self._sslobj.read(len)

    def write(self, data):
        """Encrypts `data`; the count of bytes written."""
        return self._sslobj.write(data)

    def getpeercert(self, binary_form=False):
        """The peer's certificate: None if it gave none, {} if it was not
        verified, its fields (or DER bytes) otherwise."""
        return self._sslobj.getpeercert(binary_form)

    def selected_npn_protocol(self):
        warnings.warn("ssl NPN is deprecated, use ALPN instead", DeprecationWarning, stacklevel=2)

    def selected_alpn_protocol(self):
        """The protocol ALPN chose, or None."""
        return self._sslobj.selected_alpn_protocol()

    def cipher(self):
        """(name, protocol version, secret bits) of the cipher in use."""
        return self._sslobj.cipher()

    def shared_ciphers(self):
        """The ciphers both ends offered (the server's view), or None."""
        return self._sslobj.shared_ciphers()

    def compression(self):
        """The compression in use, or None."""
        return self._sslobj.compression()

    def pending(self):
        """Bytes decrypted and ready to be read."""
        return self._sslobj.pending()

    def do_handshake(self):
        """The TLS handshake (SSLWantReadError until the peer answers)."""
        self._sslobj.do_handshake()

    def unwrap(self):
        """The TLS shutdown: close_notify sent and the peer's received."""
        return self._sslobj.shutdown()

    def get_channel_binding(self, cb_type="tls-unique"):
        """The channel binding data of the connection, or None before the
        handshake."""
        return self._sslobj.get_channel_binding(cb_type)

    def version(self):
        """The protocol version negotiated ('TLSv1.3'…), or None."""
        return self._sslobj.version()

    def verify_client_post_handshake(self):
        return self._sslobj.verify_client_post_handshake()


def _copydoc(function):
    """The docstring of SSLObject's method of the same name."""
    function.__doc__ = getattr(SSLObject, function.__name__).__doc__
    return function


class SSLSocket(socket):
    """A socket.socket whose data goes through TLS. SSLContext.wrap_socket()
    makes them."""

    def __init__(self, *args, **kwargs):
        raise TypeError(
            f"{self.__class__.__name__} does not have a public "
            f"constructor. Instances are returned by SSLContext.wrap_socket().")

    @classmethod
    def _create(cls, sock, server_side=False, do_handshake_on_connect=True,
                suppress_ragged_eofs=True, server_hostname=None, context=None, session=None):
        if sock.getsockopt(SOL_SOCKET, SO_TYPE) != SOCK_STREAM:
            raise NotImplementedError("only stream sockets are supported")
        if server_side:
            if server_hostname:
                raise ValueError("server_hostname can only be specified in client mode")
            if session is not None:
                raise ValueError("session can only be specified in client mode")
        if context.check_hostname and not server_hostname:
            raise ValueError("check_hostname requires server_hostname")

        kwargs = dict(family=sock.family, type=sock.type, proto=sock.proto, fileno=sock.fileno())
        self = cls.__new__(cls, **kwargs)
        super(SSLSocket, self).__init__(**kwargs)
        sock_timeout = sock.gettimeout()
        sock.detach()

        self._context = context
        self._session = session
        self._closed = False
        self._sslobj = None
        self.server_side = server_side
        self.server_hostname = context._encode_hostname(server_hostname)
        self.do_handshake_on_connect = do_handshake_on_connect
        self.suppress_ragged_eofs = suppress_ragged_eofs

        try:
            self.getpeername()
        except OSError as e:
            if e.errno != errno.ENOTCONN:
                raise
            connected = False
            blocking = self.getblocking()
            self.setblocking(False)
            try:
                # Data on a socket that is not connected would otherwise
                # pass for data that came through TLS.
                early_data = self.recv(1)
            except OSError as e:
                if e.errno not in (errno.ENOTCONN, errno.EINVAL):
                    raise
                early_data = b''
            self.setblocking(blocking)
            if early_data:
                reason = "Closed before TLS handshake with data in recv buffer."
                error = SSLError(e.errno, reason)
                error.reason = reason
                error.library = None
                try:
                    self.close()
                except OSError:
                    pass
                try:
                    raise error
                finally:
                    error = None
        else:
            connected = True

        self.settimeout(sock_timeout)  # after the setblocking() calls
        self._connected = connected
        if connected:
            try:
                self._sslobj = self._context._wrap_socket(self, server_side, self.server_hostname,
                                                          owner=self, session=self._session)
                if do_handshake_on_connect:
                    timeout = self.gettimeout()
                    if timeout == 0.0:
                        raise ValueError("do_handshake_on_connect should not be specified "
                                         "for non-blocking sockets")
                    self.do_handshake()
            except (OSError, ValueError):
                self.close()
                raise
        return self

    @property
    @_copydoc
    def context(self):
        return self._context

    @context.setter
    def context(self, ctx):
        self._context = ctx
        self._sslobj.context = ctx

    @property
    @_copydoc
    def session(self):
        if self._sslobj is not None:
            return self._sslobj.session

    @session.setter
    def session(self, session):
        self._session = session
        if self._sslobj is not None:
            self._sslobj.session = session

    @property
    @_copydoc
    def session_reused(self):
        if self._sslobj is not None:
            return self._sslobj.session_reused

    def dup(self):
        raise NotImplementedError("Can't dup() %s instances" % self.__class__.__name__)

    def _checkClosed(self, msg=None):
        pass

    def _check_connected(self):
        if not self._connected:
            # Raises ENOTCONN if the socket really is not connected (a
            # connect() that reported EAGAIN may have completed).
            self.getpeername()

    def read(self, len=1024, buffer=None):
        """Up to `len` bytes (b'' at the end); with `buffer`, read into it."""
        self._checkClosed()
        if self._sslobj is None:
            raise ValueError("Read on closed or unwrapped SSL socket.")
        try:
            if buffer is not None:
                return self._sslobj.read(len, buffer)
            return self._sslobj.read(len)
        except SSLError as x:
            if x.args[0] == SSL_ERROR_EOF and self.suppress_ragged_eofs:
                return 0 if buffer is not None else b''
            raise

    def write(self, data):
        """Sends `data` through TLS; the count of bytes sent."""
        self._checkClosed()
        if self._sslobj is None:
            raise ValueError("Write on closed or unwrapped SSL socket.")
        return self._sslobj.write(data)

    @_copydoc
    def getpeercert(self, binary_form=False):
        self._checkClosed()
        self._check_connected()
        return self._sslobj.getpeercert(binary_form)

    @_copydoc
    def selected_npn_protocol(self):
        self._checkClosed()
        warnings.warn("ssl NPN is deprecated, use ALPN instead", DeprecationWarning, stacklevel=2)
        return None

    @_copydoc
    def selected_alpn_protocol(self):
        self._checkClosed()
        if self._sslobj is None or not _ssl.HAS_ALPN:
            return None
        return self._sslobj.selected_alpn_protocol()

    @_copydoc
    def cipher(self):
        self._checkClosed()
        if self._sslobj is None:
            return None
        return self._sslobj.cipher()

    @_copydoc
    def shared_ciphers(self):
        self._checkClosed()
        if self._sslobj is None:
            return None
        return self._sslobj.shared_ciphers()

    @_copydoc
    def compression(self):
        self._checkClosed()
        if self._sslobj is None:
            return None
        return self._sslobj.compression()

    def send(self, data, flags=0):
        self._checkClosed()
        if self._sslobj is not None:
            if flags != 0:
                raise ValueError("non-zero flags not allowed in calls to send() on %s" % self.__class__)
            return self._sslobj.write(data)
        return super().send(data, flags)

    def sendto(self, data, flags_or_addr, addr=None):
        self._checkClosed()
        if self._sslobj is not None:
            raise ValueError("sendto not allowed on instances of %s" % self.__class__)
        if addr is None:
            return super().sendto(data, flags_or_addr)
        return super().sendto(data, flags_or_addr, addr)

    def sendmsg(self, *args, **kwargs):
        # No plain text may slip out of a TLS socket.
        raise NotImplementedError("sendmsg not allowed on instances of %s" % self.__class__)

    def sendall(self, data, flags=0):
        self._checkClosed()
        if self._sslobj is not None:
            if flags != 0:
                raise ValueError("non-zero flags not allowed in calls to sendall() on %s" % self.__class__)
            count = 0
            # coil's buffers are all of bytes: the view needs no cast("B").
            with memoryview(data) as view:
                amount = view.nbytes
                while count < amount:
                    count += self.send(view[count:])
        else:
            return super().sendall(data, flags)

    def sendfile(self, file, offset=0, count=None):
        """Sends the file's bytes from `offset` (`count` of them, or all);
        the total sent. They are read and sent in blocks (CPython's
        _sendfile_use_send; coil's sockets have no os.sendfile path)."""
        if offset:
            file.seek(offset)
        block = min(count, 8192) if count else 8192
        total = 0
        try:
            while True:
                if count:
                    block = min(count - total, block)
                    if block <= 0:
                        break
                data = memoryview(file.read(block))
                if not data:
                    break
                self.sendall(data)
                total += len(data)
            return total
        finally:
            if total > 0 and hasattr(file, 'seek'):
                file.seek(offset + total)

    def recv(self, buflen=1024, flags=0):
        self._checkClosed()
        if self._sslobj is not None:
            if flags != 0:
                raise ValueError("non-zero flags not allowed in calls to recv() on %s" % self.__class__)
            return self.read(buflen)
        return super().recv(buflen, flags)

    def recv_into(self, buffer, nbytes=None, flags=0):
        self._checkClosed()
        if nbytes is None:
            if buffer is not None:
                with memoryview(buffer) as view:
                    nbytes = view.nbytes
                if not nbytes:
                    nbytes = 1024
            else:
                nbytes = 1024
        if self._sslobj is not None:
            if flags != 0:
                raise ValueError("non-zero flags not allowed in calls to recv_into() on %s" % self.__class__)
            return self.read(nbytes, buffer)
        return super().recv_into(buffer, nbytes, flags)

    def recvfrom(self, buflen=1024, flags=0):
        self._checkClosed()
        if self._sslobj is not None:
            raise ValueError("recvfrom not allowed on instances of %s" % self.__class__)
        return super().recvfrom(buflen, flags)

    def recvfrom_into(self, buffer, nbytes=None, flags=0):
        self._checkClosed()
        if self._sslobj is not None:
            raise ValueError("recvfrom_into not allowed on instances of %s" % self.__class__)
        return super().recvfrom_into(buffer, nbytes, flags)

    def recvmsg(self, *args, **kwargs):
        raise NotImplementedError("recvmsg not allowed on instances of %s" % self.__class__)

    def recvmsg_into(self, *args, **kwargs):
        raise NotImplementedError("recvmsg_into not allowed on instances of %s" % self.__class__)

    @_copydoc
    def pending(self):
        self._checkClosed()
        if self._sslobj is not None:
            return self._sslobj.pending()
        return 0

    def shutdown(self, how):
        self._checkClosed()
        self._sslobj = None
        super().shutdown(how)

    @_copydoc
    def unwrap(self):
        if self._sslobj:
            s = self._sslobj.shutdown()
            self._sslobj = None
            return s
        raise ValueError("No SSL wrapper around " + str(self))

    @_copydoc
    def verify_client_post_handshake(self):
        if self._sslobj:
            return self._sslobj.verify_client_post_handshake()
        raise ValueError("No SSL wrapper around " + str(self))

    def _real_close(self):
        self._sslobj = None
        super()._real_close()

    @_copydoc
    def do_handshake(self, block=False):
        self._check_connected()
        timeout = self.gettimeout()
        try:
            if timeout == 0.0 and block:
                self.settimeout(None)
            self._sslobj.do_handshake()
        finally:
            self.settimeout(timeout)

    def _real_connect(self, addr, connect_ex):
        if self.server_side:
            raise ValueError("can't connect in server-side mode")
        # The socket is a client's and not connected yet: connect, then
        # wrap.
        if self._connected or self._sslobj is not None:
            raise ValueError("attempt to connect already-connected SSLSocket!")
        self._sslobj = self.context._wrap_socket(self, False, self.server_hostname, owner=self,
                                                 session=self._session)
        try:
            if connect_ex:
                rc = super().connect_ex(addr)
            else:
                rc = None
                super().connect(addr)
            if not rc:
                self._connected = True
                if self.do_handshake_on_connect:
                    self.do_handshake()
            return rc
        except (OSError, ValueError):
            self._sslobj = None
            raise

    def connect(self, addr):
        """Connects to `addr`, then the TLS handshake."""
        self._real_connect(addr, False)

    def connect_ex(self, addr):
        """connect(), returning an error number instead of raising."""
        return self._real_connect(addr, True)

    def accept(self):
        """(connection, address): the next connection, as a server-side
        SSLSocket."""
        newsock, addr = super().accept()
        newsock = self.context.wrap_socket(newsock, do_handshake_on_connect=self.do_handshake_on_connect,
                                           suppress_ragged_eofs=self.suppress_ragged_eofs,
                                           server_side=True)
        return newsock, addr

    @_copydoc
    def get_channel_binding(self, cb_type="tls-unique"):
        if self._sslobj is not None:
            return self._sslobj.get_channel_binding(cb_type)
        if cb_type not in CHANNEL_BINDING_TYPES:
            raise ValueError("{0} channel binding type not implemented".format(cb_type))
        return None

    @_copydoc
    def version(self):
        if self._sslobj is not None:
            return self._sslobj.version()
        return None


SSLContext.sslsocket_class = SSLSocket
SSLContext.sslobject_class = SSLObject


def wrap_socket(sock, keyfile=None, certfile=None, server_side=False, cert_reqs=CERT_NONE,
                ssl_version=PROTOCOL_TLS, ca_certs=None, do_handshake_on_connect=True,
                suppress_ragged_eofs=True, ciphers=None):
    warnings.warn("ssl.wrap_socket() is deprecated, use SSLContext.wrap_socket()",
                  category=DeprecationWarning, stacklevel=2)
    if server_side and not certfile:
        raise ValueError("certfile must be specified for server-side operations")
    if keyfile and not certfile:
        raise ValueError("certfile must be specified")
    context = SSLContext(ssl_version)
    context.verify_mode = cert_reqs
    if ca_certs:
        context.load_verify_locations(ca_certs)
    if certfile:
        context.load_cert_chain(certfile, keyfile)
    if ciphers:
        context.set_ciphers(ciphers)
    return context.wrap_socket(sock=sock, server_side=server_side,
                               do_handshake_on_connect=do_handshake_on_connect,
                               suppress_ragged_eofs=suppress_ragged_eofs)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def cert_time_to_seconds(cert_time):
    """Seconds since the Epoch of a certificate's notBefore or notAfter
    ("May  9 00:00:00 2007 GMT", always UTC)."""
    from time import strptime
    time_format = ' %d %H:%M:%S %Y GMT'  # after the month, which the C locale names
    try:
        month = _MONTHS.index(cert_time[:3].title()) + 1
    except ValueError:
        raise ValueError('time data %r does not match format "%%b%s"' % (cert_time, time_format))
    parsed = strptime(cert_time[3:], time_format)
    # calendar.timegm of (year, month, day, hour, minute, second).
    days = parsed[2] - 1 + _days_before_month(parsed[0], month)
    return ((days * 24 + parsed[3]) * 60 + parsed[4]) * 60 + parsed[5]


def _days_before_month(year, month):
    """Days from 1970-01-01 to the first of `month` in `year`."""
    import datetime
    return datetime.date(year, month, 1).toordinal() - datetime.date(1970, 1, 1).toordinal()


PEM_HEADER = "-----BEGIN CERTIFICATE-----"
PEM_FOOTER = "-----END CERTIFICATE-----"


def DER_cert_to_PEM_cert(der_cert_bytes):
    """A DER certificate as PEM text."""
    text = str(base64.standard_b64encode(der_cert_bytes), 'ASCII', 'strict')
    lines = [PEM_HEADER]
    lines += [text[i:i + 64] for i in range(0, len(text), 64)]
    lines.append(PEM_FOOTER + '\n')
    return '\n'.join(lines)


def PEM_cert_to_DER_cert(pem_cert_string):
    """A PEM certificate as DER bytes."""
    if not pem_cert_string.startswith(PEM_HEADER):
        raise ValueError("Invalid PEM encoding; must start with %s" % PEM_HEADER)
    if not pem_cert_string.strip().endswith(PEM_FOOTER):
        raise ValueError("Invalid PEM encoding; must end with %s" % PEM_FOOTER)
    body = pem_cert_string.strip()[len(PEM_HEADER):-len(PEM_FOOTER)]
    return base64.decodebytes(body.encode('ASCII', 'strict'))


def get_server_certificate(addr, ssl_version=PROTOCOL_TLS_CLIENT, ca_certs=None,
                           timeout=_GLOBAL_DEFAULT_TIMEOUT):
    """The PEM certificate of the server at `addr` (verified against
    `ca_certs` when given)."""
    host, port = addr
    cert_reqs = CERT_REQUIRED if ca_certs is not None else CERT_NONE
    context = _create_stdlib_context(ssl_version, cert_reqs=cert_reqs, cafile=ca_certs)
    with create_connection(addr, timeout=timeout) as sock:
        with context.wrap_socket(sock, server_hostname=host) as sslsock:
            dercert = sslsock.getpeercert(True)
    return DER_cert_to_PEM_cert(dercert)


def get_protocol_name(protocol_code):
    return _PROTOCOL_NAMES.get(protocol_code, '<unknown>')
