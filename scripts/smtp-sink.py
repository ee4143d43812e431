#!/usr/bin/python3
"""SMTP test server for ContactHub: STARTTLS, AUTH PLAIN/LOGIN required before MAIL, Maildir storage.

Runs with Debian's /usr/bin/python3 (python3-aiosmtpd). Recipients whose local part starts with
--bounce-prefix get 550 5.1.1 and those starting with --tempfail-prefix get 451 4.3.0, so clients can
see a permanent and a transient failure. Listens on 127.0.0.1 only unless told otherwise.
"""
import argparse
import asyncio
import mailbox
import signal
import ssl
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class MaildirHandler:
    def __init__(self, maildir, bounce_prefix, tempfail_prefix):
        self.maildir = mailbox.Maildir(maildir, create=True)
        self.bounce_prefix = bounce_prefix.lower()
        self.tempfail_prefix = tempfail_prefix.lower()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith(self.bounce_prefix):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if local.startswith(self.tempfail_prefix):
            return "451 4.3.0 <%s>: Temporary local problem, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        key = self.maildir.add(envelope.original_content or envelope.content)
        return "250 2.0.0 Ok: queued as %s" % key


class Authenticator:
    def __init__(self, user, password):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == self.user and auth_data.password == self.password)
        # handled=False makes aiosmtpd answer 535 itself; its default (True) sends nothing and the client hangs.
        return AuthResult(success=ok, handled=False)


def main():
    # aiosmtpd 1.4 warns about its own Session.login_data on every AUTH; it is noise in the log.
    warnings.filterwarnings("ignore", message="Session.login_data")
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--tls-port", type=int, default=0, help="optional implicit-TLS port (like 465)")
    p.add_argument("--maildir", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--bounce-prefix", default="bounce")
    p.add_argument("--tempfail-prefix", default="tempfail")
    p.add_argument("--size-limit", type=int, default=10 * 1024 * 1024)
    a = p.parse_args()

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(a.cert, a.key)
    handler = MaildirHandler(a.maildir, a.bounce_prefix, a.tempfail_prefix)
    auth = Authenticator(a.user, a.password)

    def factory(starttls):
        return SMTP(handler, hostname="smtp-sink.test", data_size_limit=a.size_limit,
                    enable_SMTPUTF8=True, decode_data=False,
                    tls_context=context if starttls else None,
                    require_starttls=False, auth_required=True, auth_require_tls=starttls,
                    authenticator=auth, ident="ContactHub smtp-sink")

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    servers = [loop.run_until_complete(loop.create_server(lambda: factory(True), a.host, a.port))]
    if a.tls_port:
        servers.append(loop.run_until_complete(
            loop.create_server(lambda: factory(False), a.host, a.tls_port, ssl=context)))
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.add_signal_handler(signal.SIGINT, loop.stop)
    try:
        loop.run_forever()
    finally:
        for s in servers:
            s.close()


if __name__ == "__main__":
    main()
