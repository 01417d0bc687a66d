# Host names for TLS (server_hostname) that CPython refuses and coil sends.
#
# ssl encodes a non-ASCII host name as the `idna` codec does (IDNA 2003:
# nameprep, then Punycode). CPython's codec also applies nameprep's checks
# and raises UnicodeError for a label with a prohibited character
# ("Invalid character '\ue000'") or mixed right-to-left and left-to-right
# text ("Violation of BIDI requirement 2"). coil has no `idna` codec: ssl
# maps each label as nameprep does (NFKC with case folding) and encodes
# it, without those checks, so such names go through in their Punycode
# form. Names CPython accepts are encoded the same.
import ssl

context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
for hostname in ('B\u00fccher.example', '\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.com',
                 '\ue000.example', 'a\u05d0.example'):
    ssl_object = context.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname=hostname)
    print(ascii(hostname), ssl_object.server_hostname)
