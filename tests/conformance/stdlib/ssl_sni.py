# Server name indication: the name a client sends, a server's sni_callback
# that sees it and switches the connection to another context, refuses it
# with an alert, or fails (an unraisable exception and a handshake
# failure).
import os
import ssl
import sys

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')


def context_with(certificate, key):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(os.path.join(CERTS, certificate), os.path.join(CERTS, key))
    return context


main_context = context_with('server.pem', 'server_key.pem')
other_context = context_with('selfsigned.pem', 'selfsigned_key.pem')
client_context = ssl._create_unverified_context()
seen = []


def handshake(hostname):
    bios = [ssl.MemoryBIO() for _ in range(4)]
    client = client_context.wrap_bio(bios[0], bios[1], server_hostname=hostname)
    server = main_context.wrap_bio(bios[2], bios[3], server_side=True)
    for _ in range(4):
        for name, side in (('client', client), ('server', server)):
            try:
                side.do_handshake()
            except ssl.SSLWantReadError:
                pass
            except ssl.SSLError as e:
                print(f'  {name}: {type(e).__name__}: {e.reason}')
                return
        bios[2].write(bios[1].read())
        bios[0].write(bios[3].read())
    print('  issuer', client.getpeercert(True) == ssl.PEM_cert_to_DER_cert(open(os.path.join(CERTS, 'selfsigned.pem')).read()),
          'context switched', server.context is other_context)


def callback(ssl_object, server_name, context):
    seen.append((type(ssl_object).__name__, server_name, context is main_context))
    if server_name == 'other.example':
        ssl_object.context = other_context
    elif server_name == 'refused.example':
        return ssl.ALERT_DESCRIPTION_UNRECOGNIZED_NAME
    elif server_name == 'broken.example':
        raise RuntimeError('callback failed')
    elif server_name == 'bad-result.example':
        return 'not an alert'
    return None


def hook(unraisable):
    print('  unraisable:', type(unraisable.exc_value).__name__, unraisable.exc_value)


sys.unraisablehook = hook
print(main_context.sni_callback)
main_context.sni_callback = callback
print(main_context.sni_callback is callback)
for hostname in ('localhost', 'other.example', 'refused.example', 'broken.example', 'bad-result.example', None):
    print(hostname)
    handshake(hostname)
print(seen)
main_context.sni_callback = None
handshake('other.example')
print(len(seen))
main_context.set_servername_callback(lambda obj, name, ctx: seen.append(name))
handshake('via.setter.example')
print(seen[-1])
for bad in (lambda: setattr(main_context, 'sni_callback', 5),
            lambda: setattr(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), 'sni_callback', callback)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(main_context.sni_callback)
