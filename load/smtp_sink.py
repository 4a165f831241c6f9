"""A minimal SMTP server on loopback that accepts every message and notes recipients."""

import re
import socketserver
import threading


class _Handler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        sink: SmtpSink = self.server.sink  # type: ignore[attr-defined]
        recipients: list[str] = []
        self.reply("220 load-sink ESMTP")
        while line := self.rfile.readline():
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.reply("250-load-sink")
                self.reply("250 8BITMIME")
            elif verb == "RCPT":
                match = re.search(r"<([^>]*)>", command)
                recipients.append(match.group(1) if match else command[8:])
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                while (body := self.rfile.readline()) and body not in (b".\r\n", b"."):
                    pass
                with sink.lock:
                    sink.recipients.extend(recipients)
                recipients = []
                self.reply("250 OK")
            elif verb == "RSET":
                recipients = []
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:  # HELO, MAIL, NOOP
                self.reply("250 OK")


class SmtpSink:
    """Accept mail on 127.0.0.1 in a thread; `recipients` lists every delivery."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.recipients: list[str] = []
        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.server.sink = self  # type: ignore[attr-defined]
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
